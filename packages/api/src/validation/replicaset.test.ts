import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultReplicaSet } from '../defaults/replicaset.js';
import { replicaSetValidation } from './replicaset.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

function rs(labels: Record<string, string> = { app: 'web' }): ReplicaSet {
  const r: ReplicaSet = {
    metadata: { name: 'web-1', namespace: 'default', resourceVersion: '1' },
    spec: {
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'c:1' }] } },
    },
  };
  defaultReplicaSet(r);
  return r;
}

describe('replicaset validation', () => {
  it('accepts a matching template and rejects a mismatch', () => {
    expect(strs(replicaSetValidation.create(rs()))).toEqual([]);
    expect(strs(replicaSetValidation.create(rs({ app: 'db' })))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an invalid selector operator', () => {
    const r = rs();
    if (r.spec) r.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Like', values: ['x'] }] };
    expect(strs(replicaSetValidation.create(r))).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Like": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Like", Values:[]string{"x"}}}}: invalid label selector',
    ]);
  });

  it('checks status and selector immutability', () => {
    const n = rs();
    Object.assign(n, { status: { replicas: 1, fullyLabeledReplicas: 2 } });
    expect(strs(replicaSetValidation.status?.(n, rs()) ?? [])).toEqual([
      'status.fullyLabeledReplicas: Invalid value: 2: cannot be greater than status.replicas',
    ]);
    const changed = rs();
    if (changed.spec) changed.spec.selector = { matchLabels: { app: 'web' } };
    expect(strs(replicaSetValidation.update(changed, rs()))).toHaveLength(1);
  });
});
