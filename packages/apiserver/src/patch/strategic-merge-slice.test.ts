import { describe, expect, it } from 'vitest';
import type { JsonMap } from './json-value.js';
import { BUILTIN_PATCH_META } from './patch-meta.js';
import { deduplicateScalars, mergeSliceHandler, type MapMerger } from './strategic-merge-slice.js';

const shallowMerge: MapMerger = (original: JsonMap, patch: JsonMap) =>
  Object.assign(original, patch);
const schema = { table: BUILTIN_PATCH_META, type: undefined };

describe('mergeSliceHandler', () => {
  it('replaces lists without the merge strategy, cleaned of nulls and directives', () => {
    const out = mergeSliceHandler(
      [{ a: 1 }],
      [{ b: null, c: 2, $patch: 'x' }],
      { strategy: undefined, mergeKey: '', schema },
      false,
      shallowMerge,
    );
    expect(out).toEqual([{ c: 2 }]);
  });
  it('merges maps by key through the map merger', () => {
    const out = mergeSliceHandler(
      [{ name: 'a', v: 1 }, { name: 'b' }],
      [{ name: 'a', w: 2 }],
      { strategy: 'merge', mergeKey: 'name', schema },
      false,
      shallowMerge,
    );
    expect(out).toEqual([{ name: 'a', v: 1, w: 2 }, { name: 'b' }]);
  });
  it('deletes scalars listed in a deletion list, even for untagged lists', () => {
    const out = mergeSliceHandler(
      ['a', 'b', 'a', 'c'],
      ['a'],
      { strategy: undefined, mergeKey: '', schema },
      true,
      shallowMerge,
    );
    expect(out).toEqual(['b', 'c']);
  });
  it('refuses to merge maps without a merge key', () => {
    expect(() =>
      mergeSliceHandler(
        [{ a: 1 }],
        [{ a: 2 }],
        { strategy: 'merge', mergeKey: '', schema },
        false,
        shallowMerge,
      ),
    ).toThrow('cannot merge lists without merge key for struct');
  });
});

describe('deduplicateScalars', () => {
  it('moves the last element into the slot of a duplicate, as Go does', () => {
    expect(deduplicateScalars([1, 2, 1, 3, 4])).toEqual([1, 2, 4, 3]);
    expect(deduplicateScalars(['a', 'a'])).toEqual(['a']);
  });
});
