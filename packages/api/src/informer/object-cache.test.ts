import { describe, expect, it } from 'vitest';
import { MapObjectCache, diffReplace, isSameVersion, objectKey } from './object-cache.js';

interface Obj {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
}
const o = (name: string, rv: string, namespace?: string): Obj => ({
  metadata: { name, resourceVersion: rv, ...(namespace ? { namespace } : {}) },
});

describe('objectKey', () => {
  it('is namespace/name, or name for cluster-scoped objects', () => {
    expect(objectKey(o('web', '1', 'default'))).toBe('default/web');
    expect(objectKey(o('node-1', '1'))).toBe('node-1');
  });
});

describe('isSameVersion', () => {
  it('needs an equal, non-empty resourceVersion on both', () => {
    expect(isSameVersion(o('a', '5'), o('a', '5'))).toBe(true);
    expect(isSameVersion(o('a', '5'), o('a', '6'))).toBe(false);
    expect(isSameVersion(o('a', ''), o('a', ''))).toBe(false);
  });
});

describe('diffReplace', () => {
  it('classifies added, updated, unchanged and vanished objects', () => {
    const current = new Map([
      ['ns/a', o('a', '1', 'ns')],
      ['ns/b', o('b', '2', 'ns')],
      ['ns/c', o('c', '3', 'ns')],
    ]);
    const diff = diffReplace(current, [o('a', '1', 'ns'), o('b', '7', 'ns'), o('d', '8', 'ns')]);
    expect(diff.unchanged).toEqual([o('a', '1', 'ns')]);
    expect(diff.updated).toEqual([{ obj: o('b', '7', 'ns'), old: o('b', '2', 'ns') }]);
    expect(diff.added).toEqual([o('d', '8', 'ns')]);
    expect(diff.deleted).toEqual([o('c', '3', 'ns')]);
  });
});

describe('MapObjectCache', () => {
  it('stores, lists by namespace, finds by key and replaces', () => {
    const cache = new MapObjectCache<Obj>();
    expect(cache.upsert(o('a', '1', 'x'))).toBeUndefined();
    expect(cache.upsert(o('a', '2', 'x'))).toEqual(o('a', '1', 'x'));
    cache.upsert(o('b', '3', 'y'));
    cache.upsert(o('n', '4'));
    expect(cache.get('x', 'a')).toEqual(o('a', '2', 'x'));
    expect(cache.get(undefined, 'n')).toEqual(o('n', '4'));
    expect(cache.get('', 'n')).toEqual(o('n', '4'));
    expect(cache.byKey('y/b')).toEqual(o('b', '3', 'y'));
    expect(cache.list('x')).toEqual([o('a', '2', 'x')]);
    expect(cache.list('')).toEqual([o('n', '4')]);
    expect(cache.list()).toHaveLength(3);
    expect(cache.remove(o('b', '9', 'y'))).toEqual(o('b', '3', 'y'));
    const diff = cache.replace([o('n', '4'), o('z', '5', 'x')]);
    expect(diff.deleted).toEqual([o('a', '2', 'x')]);
    expect(cache.keys()).toEqual(['n', 'x/z']);
  });
});
