import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubelab/api';
import { collectDownwardApiData } from './downward-api-volume.js';

const pod: Pod = {
  metadata: { name: 'kubernetes-downwardapi-volume-example', namespace: 'default', uid: 'u1', labels: { zone: 'us-est-coast', cluster: 'test-cluster1' }, annotations: { build: 'two', builder: 'john-doe' } },
  spec: { containers: [{ name: 'client-container', image: 'busybox', resources: { limits: { memory: '64Mi' }, requests: { cpu: '250m' } } }] },
};

describe('collectDownwardApiData', () => {
  it('writes field paths and resources with the item or default mode', () => {
    const payload = collectDownwardApiData(
      [
        { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' }, mode: 0o600 },
        { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
        { path: 'cpu_limit', resourceFieldRef: { containerName: 'client-container', resource: 'limits.cpu', divisor: '1m' } },
        { path: 'mem_limit', resourceFieldRef: { containerName: 'client-container', resource: 'limits.memory', divisor: '1Mi' } },
      ],
      pod,
      { cpu: '3', memory: '1Gi' },
      0o644,
    );
    const get = (k: string) => payload.get(k)?.data.toString('utf8');
    expect(get('labels')).toBe('cluster="test-cluster1"\nzone="us-est-coast"');
    expect(get('annotations')).toBe('build="two"\nbuilder="john-doe"');
    expect(payload.get('annotations')?.mode).toBe(0o600);
    expect(payload.get('labels')?.mode).toBe(0o644);
    expect(get('name')).toBe('kubernetes-downwardapi-volume-example');
    expect(get('cpu_limit')).toBe('3000');
    expect(get('mem_limit')).toBe('64');
  });

  it('aggregates the errors of every failing item', () => {
    expect(() =>
      collectDownwardApiData(
        [
          { path: 'a', fieldRef: { fieldPath: 'spec.nodeName' } },
          { path: 'b', resourceFieldRef: { containerName: 'ghost', resource: 'limits.cpu' } },
        ],
        pod,
        {},
        0o644,
      ),
    ).toThrow('[unsupported fieldPath: spec.nodeName, container ghost not found]');
  });
});
