import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { deepEqual, isZero, validateImmutable, validateLabelSelector, validateLabels, validateNonnegative } from './common.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('spec');

describe('common checks', () => {
  it('treats Go zero values as equal to missing fields', () => {
    expect(isZero({ a: '', b: [], c: { d: 0 } })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ hostNetwork: false }, {})).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: { b: 'x' } }, { a: { b: 'y' } })).toBe(false);
  });

  it('validates non-negative numbers and immutability', () => {
    expect(strs(validateNonnegative(-2, p.child('replicas')))).toEqual(['spec.replicas: Invalid value: -2: must be greater than or equal to 0']);
    expect(validateNonnegative(undefined, p)).toEqual([]);
    expect(strs(validateImmutable('b', 'a', p.child('x')))).toEqual(['spec.x: Invalid value: "b": field is immutable']);
  });

  it('validates labels and label selectors', () => {
    expect(strs(validateLabels({ ok: 'yes', 'bad key': 'v' }, p.child('labels')))).toEqual([
      expect.stringMatching(/^spec\.labels: Invalid value: "bad key": name part must consist/),
    ]);
    expect(
      strs(
        validateLabelSelector(
          { matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }] },
          p.child('selector'),
        ),
      ),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
  });
});
