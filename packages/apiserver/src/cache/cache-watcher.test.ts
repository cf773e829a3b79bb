import { describe, expect, it } from 'vitest';
import { noopLogger } from '@kubelab/api';
import { CacheWatcher, toWatchEvent } from './cache-watcher.js';
import { StoredJson } from './stored-json.js';
import type { CacheEvent, ObjectAttrs, PrevAttrs, WatchCacheEvent } from './types.js';

const web: ObjectAttrs = { labels: { app: 'web' }, fields: {} };
const db: ObjectAttrs = { labels: { app: 'db' }, fields: {} };
const isWeb = (a: ObjectAttrs): boolean => a.labels.app === 'web';
const ev = (
  type: WatchCacheEvent['type'],
  attrs: ObjectAttrs,
  prevAttrs: PrevAttrs,
): WatchCacheEvent => ({
  type,
  key: '/registry/pods/ns/x',
  rv: 7,
  json: StoredJson.of('{"new":true}'),
  attrs,
  prevAttrs,
});

describe('toWatchEvent', () => {
  it.each([
    ['ADDED matching', ev('ADDED', web, null), 'ADDED'],
    ['ADDED not matching', ev('ADDED', db, null), undefined],
    ['MODIFIED still matching', ev('MODIFIED', web, web), 'MODIFIED'],
    ['MODIFIED starts matching', ev('MODIFIED', web, db), 'ADDED'],
    ['MODIFIED stops matching', ev('MODIFIED', db, web), 'DELETED'],
    ['MODIFIED never matching', ev('MODIFIED', db, db), undefined],
    ['MODIFIED matching, earlier state trimmed', ev('MODIFIED', web, 'unknown'), 'MODIFIED'],
    ['MODIFIED not matching, earlier state trimmed', ev('MODIFIED', db, 'unknown'), 'DELETED'],
    ['DELETED matching', ev('DELETED', web, web), 'DELETED'],
    ['DELETED not matching', ev('DELETED', db, db), undefined],
  ])('%s', (_name, input, want) => {
    const out = toWatchEvent(input, isWeb);
    expect(out?.type).toBe(want);
    if (out) expect({ ...out, json: out.json.toString() }).toEqual({ type: want, key: input.key, rv: 7, json: '{"new":true}' });
  });

  it('passes every event through without a predicate', () => {
    expect(toWatchEvent(ev('MODIFIED', db, web))?.type).toBe('MODIFIED');
  });
});

describe('CacheWatcher', () => {
  it('filters by prefix and rv, and survives a throwing callback', () => {
    const got: CacheEvent[] = [];
    const w = new CacheWatcher({
      prefix: '/registry/pods/ns/',
      afterRv: 5,
      pred: undefined,
      logger: noopLogger,
      onEvent: (e) => {
        got.push(e);
        throw new Error('boom');
      },
    });
    w.dispatch({ ...ev('ADDED', web, null), rv: 5 });
    w.dispatch({ ...ev('ADDED', web, null), key: '/registry/pods/nsx/a' });
    w.dispatch(ev('ADDED', web, null));
    w.stopped = true;
    w.dispatch({ ...ev('MODIFIED', web, web), rv: 8 });
    expect(got.map((e) => [e.key, e.rv])).toEqual([['/registry/pods/ns/x', 7]]);
  });
});
