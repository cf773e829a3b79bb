import type { Lease } from 'kubernetes-types/coordination/v1.js';
import { describe, expect, it } from 'vitest';
import { leaseValidation } from './lease.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const lease = (spec: Lease['spec']): Lease => ({ metadata: { name: 'node-1', namespace: 'kube-node-lease', resourceVersion: '1' }, spec });

describe('lease validation', () => {
  it.each<[string, Lease['spec'], string[]]>([
    ['a node lease', { holderIdentity: 'node-1', leaseDurationSeconds: 40 }, []],
    ['a zero duration', { leaseDurationSeconds: 0 }, ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
    ['negative transitions', { leaseTransitions: -1 }, ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0']],
  ])('%s', (_name, spec, want) => {
    expect(strs(leaseValidation.create(lease(spec)))).toEqual(want);
    expect(strs(leaseValidation.update(lease(spec), lease({})))).toEqual(want);
  });

  it('allows custom unprefixed finalizers, unlike core kinds', () => {
    const l = lease({});
    Object.assign(l.metadata ?? {}, { finalizers: ['custom'] });
    expect(strs(leaseValidation.create(l))).toEqual([]);
  });
});
