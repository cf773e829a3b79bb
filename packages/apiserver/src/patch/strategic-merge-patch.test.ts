import { describe, expect, it } from 'vitest';
import type { JsonMap } from './json-value.js';
import { smp } from './testing/merge-item-schema.js';

describe('strategicMergePatch: maps and scalars', () => {
  it.each<[string, JsonMap, JsonMap, JsonMap]>([
    ['add a field', { name: 1 }, { value: 1 }, { name: 1, value: 1 }],
    ['null deletes a field', { name: 1, value: 1 }, { name: null }, { value: 1 }],
    ['null of a missing field is ignored', { name: 1 }, { other: null }, { name: 1 }],
    [
      'nested maps merge',
      { simpleMap: { key1: 1, key2: 1 } },
      { simpleMap: { key2: null, key3: 3 } },
      { simpleMap: { key1: 1, key3: 3 } },
    ],
    [
      '$patch: delete on a map leaves it empty',
      { simpleMap: { key1: 1 } },
      { simpleMap: { $patch: 'delete' } },
      { simpleMap: {} },
    ],
    ['$patch: replace on the root', { name: 1, value: 1 }, { $patch: 'replace' }, {}],
    [
      '$patch: replace keeps the patch keys',
      { name: 1, value: 1 },
      { other: 'a', $patch: 'replace' },
      { other: 'a' },
    ],
    [
      'replace strategy replaces a map',
      { replacingItem: { a: 1, b: 2 } },
      { replacingItem: { c: 3 } },
      { replacingItem: { c: 3 } },
    ],
    ['a changed type is taken over', { name: { a: 1 } }, { name: 'x' }, { name: 'x' }],
    [
      'a new map loses its nulls and $patch maps',
      {},
      { simpleMap: { a: null, b: 1, c: { $patch: 'delete' } } },
      { simpleMap: { b: 1 } },
    ],
    ['a new $patch map is not added', {}, { simpleMap: { $patch: 'replace', a: 1 } }, {}],
    ['an empty patch changes nothing', { name: 1 }, {}, { name: 1 }],
  ])('%s', (_name, original, patch, expected) => {
    expect(smp(original, patch)).toEqual(expected);
  });
});

describe('strategicMergePatch: lists (cases from upstream patch_test.go)', () => {
  it.each<[string, JsonMap, JsonMap, JsonMap]>([
    [
      'non-merging lists are replaced',
      { nonMergingIntList: [1, 2] },
      { nonMergingIntList: [2, 3] },
      { nonMergingIntList: [2, 3] },
    ],
    [
      'scalars merge as a set',
      { mergingIntList: [1, 2] },
      { mergingIntList: [2, 3] },
      { mergingIntList: [1, 2, 3] },
    ],
    [
      'patch order of scalars is kept',
      { mergingIntList: [1, 2, 3] },
      { mergingIntList: [3, 1, 2] },
      { mergingIntList: [3, 1, 2] },
    ],
    [
      'server-only scalars keep their place',
      { mergingIntList: [1, 2, 3] },
      { mergingIntList: [3, 1] },
      { mergingIntList: [2, 3, 1] },
    ],
    [
      'maps merge by key',
      { mergingList: [{ name: 1 }, { name: 2, value: 2 }] },
      { mergingList: [{ name: 1, value: 1 }] },
      {
        mergingList: [
          { name: 1, value: 1 },
          { name: 2, value: 2 },
        ],
      },
    ],
    [
      'patch order of maps is kept',
      { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] },
      {
        mergingList: [
          { name: 3, value: 'c' },
          { name: 1, value: 'a' },
          { name: 2, other: 'x' },
        ],
      },
      {
        mergingList: [
          { name: 3, value: 'c' },
          { name: 1, value: 'a' },
          { name: 2, value: 'b', other: 'x' },
        ],
      },
    ],
    [
      'server-only maps keep their place',
      { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] },
      {
        mergingList: [
          { name: 3, value: 'c' },
          { name: 1, value: 'a' },
        ],
      },
      {
        mergingList: [
          { name: 2, value: 'b' },
          { name: 3, value: 'c' },
          { name: 1, value: 'a' },
        ],
      },
    ],
    [
      '$patch: delete removes every element with the key',
      { mergingList: [{ name: 1 }, { name: 1 }, { name: 2, value: 'a' }, { name: 3 }] },
      {
        mergingList: [
          { name: 1, $patch: 'delete' },
          { name: 3, $patch: 'delete' },
        ],
      },
      { mergingList: [{ name: 2, value: 'a' }] },
    ],
    [
      '[{$patch: replace}] empties the list',
      { mergingList: [{ name: 1 }, { name: 2 }] },
      { mergingList: [{ $patch: 'replace' }] },
      { mergingList: [] },
    ],
    [
      '$patch: replace element keeps the other patch elements',
      { mergingList: [{ name: 1, value: 1 }] },
      { mergingList: [{ name: 2, nested: null }, { $patch: 'replace' }] },
      { mergingList: [{ name: 2 }] },
    ],
    ['empty lists merge to empty', { mergingList: [] }, { mergingList: [] }, { mergingList: [] }],
    [
      'merged elements recurse with their type (new scalars go before unrelated live ones)',
      { mergingList: [{ name: 1, mergingIntList: [1] }] },
      { mergingList: [{ name: 1, mergingIntList: [2] }] },
      { mergingList: [{ name: 1, mergingIntList: [2, 1] }] },
    ],
  ])('%s', (_name, original, patch, expected) => {
    expect(smp(original, patch)).toEqual(expected);
  });
});

describe('strategicMergePatch: parallel lists', () => {
  it.each<[string, JsonMap, JsonMap, JsonMap]>([
    [
      '$deleteFromPrimitiveList with $setElementOrder',
      { mergingIntList: [1, 2, 3, 4] },
      { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
      { mergingIntList: [1, 2, 4] },
    ],
    [
      '$deleteFromPrimitiveList drops duplicates too',
      { mergingIntList: [1, 2, 3, 3, 4] },
      { '$deleteFromPrimitiveList/mergingIntList': [3] },
      { mergingIntList: [1, 2, 4] },
    ],
    [
      'add and delete scalars',
      { mergingIntList: [1, 2, 3] },
      {
        '$setElementOrder/mergingIntList': [1, 2, 4],
        '$deleteFromPrimitiveList/mergingIntList': [3],
        mergingIntList: [4],
      },
      { mergingIntList: [1, 2, 4] },
    ],
    [
      '$deleteFromPrimitiveList of a missing list is ignored',
      {},
      { '$deleteFromPrimitiveList/mergingIntList': [3] },
      {},
    ],
    [
      '$setElementOrder places new maps',
      {
        mergingList: [
          { name: 1, other: 'a' },
          { name: 2, value: 2, other: 'b' },
        ],
      },
      {
        '$setElementOrder/mergingList': [{ name: 4 }, { name: 1 }, { name: 2 }, { name: 3 }],
        mergingList: [
          { name: 4, value: 4 },
          { name: 3, value: 3 },
        ],
      },
      {
        mergingList: [
          { name: 4, value: 4 },
          { name: 1, other: 'a' },
          { name: 2, value: 2, other: 'b' },
          { name: 3, value: 3 },
        ],
      },
    ],
    [
      '$setElementOrder alone reorders',
      { mergingList: [{ name: 1 }, { name: 2 }, { name: 3 }] },
      { '$setElementOrder/mergingList': [{ name: 3 }, { name: 1 }, { name: 2 }] },
      { mergingList: [{ name: 3 }, { name: 1 }, { name: 2 }] },
    ],
    [
      '$setElementOrder may name items missing from the list',
      { mergingList: [{ name: 1 }, { name: 3 }] },
      {
        '$setElementOrder/mergingList': [{ name: 3 }, { name: 2 }, { name: 1 }],
        mergingList: [
          { name: 3, value: 3 },
          { name: 1, value: 1 },
        ],
      },
      {
        mergingList: [
          { name: 3, value: 3 },
          { name: 1, value: 1 },
        ],
      },
    ],
    [
      '$setElementOrder on scalars',
      { mergingIntList: [1, 3] },
      { '$setElementOrder/mergingIntList': [3, 2, 1] },
      { mergingIntList: [3, 1] },
    ],
    [
      '$setElementOrder with a list the original lacks',
      {},
      {
        '$setElementOrder/mergingList': [{ name: 2 }, { name: 1 }],
        mergingList: [{ name: 2 }, { name: 1 }],
      },
      { mergingList: [{ name: 2 }, { name: 1 }] },
    ],
    [
      '$setElementOrder for a list neither has is ignored',
      { name: 1 },
      { '$setElementOrder/mergingList': [{ name: 1 }] },
      { name: 1 },
    ],
  ])('%s', (_name, original, patch, expected) => {
    expect(smp(original, patch)).toEqual(expected);
  });
});

describe('strategicMergePatch: $retainKeys', () => {
  it.each<[string, JsonMap, JsonMap, JsonMap]>([
    [
      'clears keys not retained',
      { retainKeysMap: { name: 'foo', value: 'a', other: 'x' } },
      { retainKeysMap: { $retainKeys: ['name', 'value'], value: 'b' } },
      { retainKeysMap: { name: 'foo', value: 'b' } },
    ],
    [
      'without the directive the map merges',
      { retainKeysMap: { name: 'foo', value: 'a' } },
      { retainKeysMap: { value: null } },
      { retainKeysMap: { name: 'foo' } },
    ],
    [
      'works on merged list elements',
      { retainKeysMergingList: [{ name: 'a', value: 1, other: 2 }] },
      { retainKeysMergingList: [{ name: 'a', $retainKeys: ['name', 'other'] }] },
      { retainKeysMergingList: [{ name: 'a', other: 2 }] },
    ],
  ])('%s', (_name, original, patch, expected) => {
    expect(smp(original, patch)).toEqual(expected);
  });
});
