import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import type { JsonMap } from './json-value.js';
import { smp } from './testing/merge-item-schema.js';

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('strategicMergePatch: errors', () => {
  it.each<[string, JsonMap, JsonMap, number, string]>([
    [
      'order not matching $setElementOrder',
      { mergingList: [{ name: 1 }, { name: 3 }, { name: 2 }] },
      {
        '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
        mergingList: [
          { name: 3, value: 3 },
          { name: 1, value: 1 },
        ],
      },
      500,
      "The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n",
    ],
    [
      'missing merge key',
      { mergingList: [{ name: 1, value: 'a' }] },
      { mergingList: [{ value: 'b' }] },
      500,
      'map: map[value:b] does not contain declared merge key: name',
    ],
    [
      'unknown element directive',
      { mergingList: [{ name: 1 }] },
      { mergingList: [{ name: 1, $patch: 'frob' }] },
      500,
      'unknown patch type: frob in map: map[$patch:frob name:1]',
    ],
    [
      '$patch: merge on a list element',
      { mergingList: [{ name: 1 }] },
      { mergingList: [{ name: 1, $patch: 'merge' }] },
      500,
      'merging lists cannot yet be specified in the patch',
    ],
    [
      '$patch: merge on a map',
      { simpleMap: { a: 1 } },
      { simpleMap: { $patch: 'merge' } },
      500,
      'unknown patch type: merge in map: map[$patch:merge]',
    ],
    [
      'lists of lists',
      { mergingIntList: [1] },
      { mergingIntList: [[2]] },
      500,
      'list element types are not identical: [[1] [[2]]]',
    ],
    [
      'a list of lists alone',
      { mergingIntList: [[1]] },
      { mergingIntList: [[2]] },
      422,
      'the server rejected our request due to an error in our request',
    ],
    [
      'malformed $deleteFromPrimitiveList key',
      { mergingIntList: [1] },
      { $deleteFromPrimitiveListmergingIntList: [1] },
      400,
      'invalid patch format of primitive list',
    ],
    [
      'malformed $setElementOrder key',
      { mergingIntList: [1] },
      { $setElementOrder: [1] },
      400,
      'invalid patch format of setElementOrder list',
    ],
    [
      '$retainKeys not a list',
      { retainKeysMap: { a: 1 } },
      { retainKeysMap: { $retainKeys: 'a' } },
      400,
      'invalid patch format of retainKeys',
    ],
    [
      'patch key outside $retainKeys',
      { retainKeysMap: { name: 1 } },
      { retainKeysMap: { $retainKeys: ['name'], value: 2 } },
      400,
      'invalid patch format of retainKeys',
    ],
    [
      '$setElementOrder not a list',
      { mergingList: [] },
      { '$setElementOrder/mergingList': 'x' },
      500,
      'expected a []interface {}, but received a string',
    ],
  ])('%s', (_name, original, patch, code, message) => {
    const err = failure(() => smp(original, patch));
    expect([err.code, err.message]).toEqual([code, message]);
  });

  it('leaves the original and the patch untouched, even when it fails', () => {
    const original = { mergingList: [{ name: 1, value: 1 }], simpleMap: { a: 1 } };
    const patch = {
      mergingList: [{ name: 1, $patch: 'delete' }, { name: 2 }],
      simpleMap: { a: null },
      name: 'x',
    };
    const before = JSON.stringify([original, patch]);
    const out = smp(original, patch);
    expect(out).toEqual({ mergingList: [{ name: 2 }], simpleMap: {}, name: 'x' });
    (out['mergingList'] as JsonMap[]).push({ name: 3 });
    failure(() => smp(original, { mergingList: [{ value: 1 }] }));
    expect(JSON.stringify([original, patch])).toBe(before);
  });
});
