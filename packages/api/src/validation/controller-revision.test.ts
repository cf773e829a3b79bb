import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { controllerRevisionValidation } from './controller-revision.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const cr = (data: unknown, revision = 1): ControllerRevision => ({
  metadata: { name: 'web-5d4', namespace: 'default', resourceVersion: '1' },
  data: data as ControllerRevision['data'],
  revision,
});

describe('controller revision validation', () => {
  it('requires data and a non-negative revision', () => {
    expect(strs(controllerRevisionValidation.create(cr({ spec: {} })))).toEqual([]);
    expect(strs(controllerRevisionValidation.create(cr(undefined, -1)))).toEqual([
      'data: Required value: data is mandatory',
      'revision: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('keeps data immutable', () => {
    expect(strs(controllerRevisionValidation.update(cr({ a: 2 }), cr({ a: 1 })))).toEqual([
      'data: Invalid value: {"a":2}: field is immutable',
    ]);
  });
});
