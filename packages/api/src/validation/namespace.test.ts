import type { Namespace } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { namespaceValidation } from './namespace.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

describe('namespace validation', () => {
  it('requires a DNS label name', () => {
    expect(strs(namespaceValidation.create({ metadata: { name: 'team-a' } }))).toEqual([]);
    expect(strs(namespaceValidation.create({ metadata: { name: 'team.a' } }))).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });

  it('checks spec finalizers at the list path', () => {
    expect(strs(namespaceValidation.create({ metadata: { name: 'a' }, spec: { finalizers: ['custom'] } }))).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('ties status.phase to deletion', () => {
    const old: Namespace = { metadata: { name: 'a', resourceVersion: '1' }, status: { phase: 'Active' } };
    const terminating: Namespace = { ...old, status: { phase: 'Terminating' } };
    expect(strs(namespaceValidation.status?.(terminating, old) ?? [])).toEqual([
      'status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty',
    ]);
  });
});
