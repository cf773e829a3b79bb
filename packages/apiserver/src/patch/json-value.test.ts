import { describe, expect, it } from 'vitest';
import { deepCopyJson, goTypeOf, isJsonMap, jsonEqual, setOwn } from './json-value.js';

describe('json-value', () => {
  it('deepCopyJson copies deeply, including a __proto__ key', () => {
    const src = JSON.parse('{"a":{"b":[1,{"c":2}]},"__proto__":{"x":1}}') as Record<
      string,
      unknown
    >;
    const copy = deepCopyJson(src);
    expect(copy).toEqual(src);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    (copy['a'] as { b: unknown[] }).b.push(3);
    expect((src['a'] as { b: unknown[] }).b).toHaveLength(2);
  });
  it('setOwn stores __proto__ as data', () => {
    const m: Record<string, unknown> = {};
    setOwn(m, '__proto__', { polluted: true });
    expect(Object.keys(m)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it.each([
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [null, null, true],
  ])('jsonEqual(%j, %j) is %s', (a, b, eq) => {
    expect(jsonEqual(a, b)).toBe(eq);
  });
  it('classifies values as the apiserver decodes them', () => {
    expect([{}, [], 'a', 1, 1.5, false, null].map(goTypeOf)).toEqual([
      'map[string]interface {}',
      '[]interface {}',
      'string',
      'int64',
      'float64',
      'bool',
      'nil',
    ]);
    expect([isJsonMap({}), isJsonMap([]), isJsonMap(null)]).toEqual([true, false, false]);
  });
});
