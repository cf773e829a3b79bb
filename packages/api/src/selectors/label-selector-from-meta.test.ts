import { describe, expect, it } from 'vitest';
import { labelSelectorFromMeta } from './label-selector-from-meta.js';

describe('labelSelectorFromMeta', () => {
  it('matches nothing for a missing selector and everything for an empty one', () => {
    expect(labelSelectorFromMeta(undefined).matches({ a: '1' })).toBe(false);
    expect(labelSelectorFromMeta(undefined).empty).toBe(false);
    expect(labelSelectorFromMeta({}).matches({ a: '1' })).toBe(true);
    expect(labelSelectorFromMeta({}).empty).toBe(true);
  });

  it.each([
    [{ matchLabels: { app: 'web' } }, { app: 'web', x: 'y' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'db' }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, { tier: 'fe' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['fe'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: '' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { tier: 'x' }, false],
    [
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] },
      { app: 'web', tier: 'be' },
      false,
    ],
  ])('%j matches %j: %j', (sel, labels, want) => {
    expect(labelSelectorFromMeta(sel).matches(labels)).toBe(want);
  });

  it('renders the canonical string, keys sorted', () => {
    const s = labelSelectorFromMeta({
      matchLabels: { z: '1', a: '2' },
      matchExpressions: [{ key: 'm', operator: 'NotIn', values: ['y', 'x'] }],
    });
    expect(s.toString()).toBe('a=2,m notin (x,y),z=1');
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    ],
    [
      { matchLabels: { a: 'b c' } },
      "values[0][a]: Invalid value: \"b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    [
      { matchLabels: { '-a': 'b' } },
      "key: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  ])('rejects %j', (sel, message) => {
    expect(() => labelSelectorFromMeta(sel)).toThrow(message);
  });

  it('aggregates several problems of one requirement as [a, b]', () => {
    expect(() =>
      labelSelectorFromMeta({ matchExpressions: [{ key: '', operator: 'In', values: [] }] }),
    ).toThrow(/^\[key: Invalid value: "": name part must be non-empty; name part must consist/);
  });
});
