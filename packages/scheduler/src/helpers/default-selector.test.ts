import { describe, expect, it } from 'vitest';
import type { ReplicaSet, Service } from '@kubelab/api';
import { makePod } from '../testing/builders.js';
import { defaultSelector } from './default-selector.js';

const svc = (selector?: Record<string, string>): Service => ({ metadata: { name: 's', namespace: 'default' }, spec: selector ? { selector } : {} });
const rs: ReplicaSet = {
  metadata: { name: 'web-abc', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template: {} },
};

describe('defaultSelector', () => {
  const pod = makePod('p', {
    labels: { app: 'web', tier: 'front', 'pod-template-hash': 'abc' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u', controller: true }],
  });
  it('merges the selectors of matching Services and of the controlling ReplicaSet', () => {
    const sel = defaultSelector(pod, { services: () => [svc({ tier: 'front' }), svc({ tier: 'back' }), svc()], replicaSet: () => rs });
    expect(sel.toString()).toBe('app=web,pod-template-hash=abc,tier=front');
  });
  it('is empty for a pod nothing selects', () => {
    expect(defaultSelector(makePod('lonely'), { services: () => [], replicaSet: () => undefined }).empty).toBe(true);
  });
});
