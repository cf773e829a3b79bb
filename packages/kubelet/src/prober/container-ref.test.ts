import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { containerRef, findPodContainer } from './container-ref.js';

const pod: Pod = {
  metadata: { name: 'web', namespace: 'ns', uid: 'u', resourceVersion: '42' },
  spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] },
};

describe('containerRef', () => {
  it('points at the pod with the container field path', () => {
    expect(containerRef(pod, 'app')).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      namespace: 'ns',
      name: 'web',
      uid: 'u',
      resourceVersion: '42',
      fieldPath: 'spec.containers{app}',
    });
    expect(containerRef(pod, 'init').fieldPath).toBe('spec.initContainers{init}');
    expect(findPodContainer(pod, 'nope')).toBeUndefined();
  });
});
