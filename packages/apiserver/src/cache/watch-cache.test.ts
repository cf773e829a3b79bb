import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage/index.js';
import { StoredJson } from './stored-json.js';
import type { WatchCacheEvent } from './types.js';
import { WatchCache } from './watch-cache.js';

const ev = (rv: number): WatchCacheEvent => ({
  type: 'ADDED',
  key: `/registry/pods/ns/p${rv}`,
  rv,
  json: StoredJson.of('{}'),
  attrs: { labels: {}, fields: {} },
  prevAttrs: null,
});

describe('WatchCache', () => {
  it('serves the events after an rv, with gaps in the global rv', () => {
    const w = new WatchCache(10, 0);
    for (const rv of [2, 5, 9]) w.push(ev(rv));
    expect(w.since(0, 'k').map((e) => e.rv)).toEqual([2, 5, 9]);
    expect(w.since(4, 'k').map((e) => e.rv)).toEqual([5, 9]);
    expect(w.since(5, 'k').map((e) => e.rv)).toEqual([9]);
    expect(w.since(20, 'k')).toEqual([]);
  });

  it('moves the floor to the last evicted rv and answers older rvs with Expired', () => {
    const w = new WatchCache(2, 0);
    for (const rv of [2, 5, 9]) w.push(ev(rv));
    expect(w.floor).toBe(2);
    expect(w.since(2, 'k').map((e) => e.rv)).toEqual([5, 9]);
    expect(w.since(3, 'k').map((e) => e.rv)).toEqual([5, 9]);
    let err: unknown;
    try {
      w.since(1, '/registry/pods/');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({
      code: 'Expired',
      key: '/registry/pods/',
      message: 'too old resource version: 1 (2)',
    });
  });

  it('starts from a given floor', () => {
    const w = new WatchCache(10, 40);
    expect(() => w.since(39, 'k')).toThrow('too old resource version: 39 (40)');
    expect(w.since(40, 'k')).toEqual([]);
  });
});
