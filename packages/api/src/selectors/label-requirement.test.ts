import { describe, expect, it } from 'vitest';
import { FieldPath } from '../validation/field-errors.js';
import { newRequirement, requirementMatches, requirementString } from './label-requirement.js';

describe('newRequirement', () => {
  it('builds and renders requirements', () => {
    expect(requirementString(newRequirement('a', 'in', ['y', 'x']))).toBe('a in (x,y)');
    expect(requirementString(newRequirement('a', '!', []))).toBe('!a');
    expect(requirementString(newRequirement('a', 'gt', ['5']))).toBe('a>5');
    expect(requirementMatches(newRequirement('a', 'lt', ['5']), { a: '4' })).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['a bad operator', () => newRequirement('a', 'like' as never, ['x']), 'operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"'],
    ['two values for =', () => newRequirement('a', '=', ['x', 'y']), 'values: Invalid value: []string{"x", "y"}: exact-match compatibility requires one single value'],
    ['a path prefix', () => newRequirement('a', 'in', [], FieldPath.root('spec')), "spec.values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"],
  ])('rejects %s', (_name, fn, message) => {
    expect(fn).toThrow(message);
  });
});
