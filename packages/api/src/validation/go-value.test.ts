import { describe, expect, it } from 'vitest';
import { goLabelSelector, goStringMap, goStringSlice, invalidGo } from './go-value.js';

describe('Go value rendering', () => {
  it('prints maps, slices and selectors as %#v does', () => {
    expect(goStringMap({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
    expect(goStringMap({})).toBe('map[string]string{}');
    expect(goStringSlice(['x', 'y'])).toBe('[]string{"x", "y"}');
    expect(goStringSlice([])).toBe('[]string{}');
    expect(goStringSlice(null)).toBe('[]string(nil)');
    expect(goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists' }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"Exists", Values:[]string(nil)}}}',
    );
  });

  it('builds field errors carrying the rendered value', () => {
    const e = invalidGo('spec.selector', 'v1.LabelSelector{}', 'field is immutable');
    expect(e.toString()).toBe('spec.selector: Invalid value: v1.LabelSelector{}: field is immutable');
    expect(e.detailMessage()).toBe('Invalid value: v1.LabelSelector{}: field is immutable');
    expect(e.type).toBe('FieldValueInvalid');
  });
});
