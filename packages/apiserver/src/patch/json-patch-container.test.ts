import { describe, expect, it } from 'vitest';
import { addIn, decodePatchKey, findObject, getIn, removeIn } from './json-patch-container.js';

describe('decodePatchKey', () => {
  it.each([
    ['a~1b', 'a/b'],
    ['a~0b', 'a~b'],
    ['~01', '~1'],
    ['plain', 'plain'],
  ])('%s → %s', (key, out) => {
    expect(decodePatchKey(key)).toBe(out);
  });
});

describe('findObject', () => {
  const doc = { a: { b: [{ c: 1 }] }, s: 'x', n: null };
  it.each([
    ['/a/b/0/c', { con: { c: 1 }, key: 'c' }],
    ['/a/b/-1/c', { con: { c: 1 }, key: 'c' }],
    ['/a/new', { con: { b: [{ c: 1 }] }, key: 'new' }],
    ['noslash/x', { con: doc, key: 'x' }],
    ['', undefined],
    ['/s/x', undefined],
    ['/n/x', undefined],
    ['/a/b/5/c', undefined],
  ])('%s', (path, found) => {
    expect(findObject(doc, path)).toEqual(found);
  });
});

describe('array operations', () => {
  it('adds, gets and removes with Go index rules', () => {
    const list = [1, 2, 3];
    addIn(list, '-', 4);
    addIn(list, '-1', 9);
    expect(list).toEqual([1, 2, 3, 4, 9]);
    expect(getIn(list, '-2')).toBe(4);
    removeIn(list, '-1');
    expect(list).toEqual([1, 2, 3, 4]);
    expect(() => getIn(list, '4')).toThrow(
      'Unable to access invalid index: 4: invalid index referenced',
    );
    expect(() => addIn(list, '6', 0)).toThrow('Unable to access invalid index: 6');
    expect(() => removeIn(list, '-5')).toThrow('Unable to access invalid index: -5');
  });
});
