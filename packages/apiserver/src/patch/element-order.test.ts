import { describe, expect, it } from 'vitest';
import {
  goEqual,
  indexIn,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
  validatePatchWithSetOrderList,
} from './element-order.js';

describe('goEqual', () => {
  it.each([
    [1, 1, true],
    ['1', 1, false],
    [null, undefined, true],
    [true, true, true],
  ])('%j == %j is %s', (a, b, eq) => {
    expect(goEqual(a, b)).toBe(eq);
  });
  it('panics (500) on maps, like comparing uncomparable Go values', () => {
    expect(() => goEqual({}, {})).toThrow(
      'runtime error: comparing uncomparable type map[string]interface {}',
    );
  });
});

describe('sliceElementKind', () => {
  it.each([
    [[[{ a: 1 }], [{ b: 2 }]], 'map'],
    [[['a'], []], 'scalar'],
  ] as const)('%j → %s', (lists, kind) => {
    expect(sliceElementKind(...(lists as unknown as unknown[][]))).toBe(kind);
  });
  it.each([
    [[[]], 'no elements in any of the given slices'],
    [[[1], ['a']], 'list element types are not identical: [[1] [a]]'],
    [[[[1]]], 'the server rejected our request due to an error in our request'],
  ])('%j fails', (lists, message) => {
    expect(() => sliceElementKind(...(lists as unknown[][]))).toThrow(message);
  });
});

describe('normalizeElementOrder', () => {
  it('keeps patch order for patch items and interleaves server-only items by live order', () => {
    const live = [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];
    const patch = [{ n: 4 }, { n: 2 }];
    const out = normalizeElementOrder(
      [{ n: 2 }, { n: 4 }],
      [{ n: 1 }, { n: 3 }],
      patch,
      live,
      'n',
      'map',
    );
    expect(out).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }, { n: 2 }]);
  });
  it('puts items unknown to the live list first', () => {
    expect(normalizeElementOrder([9], [1, 2], [9], [1, 2], '', 'scalar')).toEqual([9, 1, 2]);
  });
});

describe('partitionByPresence / indexIn', () => {
  it('splits maps by merge key and scalars by value', () => {
    expect(partitionByPresence([{ k: 'a' }, { k: 'b' }], [{ k: 'b' }], 'k')).toEqual([
      [{ k: 'b' }],
      [{ k: 'a' }],
    ]);
    expect(partitionByPresence(['a', 'b'], ['a'], '')).toEqual([['a'], ['b']]);
    expect(indexIn([{ k: 'a' }, { k: 'b' }], { k: 'b', x: 1 }, 'k', 'map')).toBe(1);
  });
});

describe('validatePatchWithSetOrderList', () => {
  it('accepts a patch list that is a subsequence, ignoring $patch elements', () => {
    expect(() =>
      validatePatchWithSetOrderList(
        [{ k: 'c' }, { k: 'x', $patch: 'delete' }, { k: 'a' }],
        [{ k: 'c' }, { k: 'b' }, { k: 'a' }],
        'k',
      ),
    ).not.toThrow();
  });
  it('rejects another order', () => {
    expect(() => validatePatchWithSetOrderList([2, 1], [1, 2], '')).toThrow(
      "doesn't match $setElementOrder list",
    );
  });
});
