import { describe, expect, it } from 'vitest';
import { isAlreadyExists, isConflict, isGone, isNotFound } from '../errors.js';
import { findResource, type ResourceInfo } from '../resources.js';
import type { ApiObject, WatchEvent } from '../types/index.js';
import { FakeResourceClient } from './fake-resource-client.js';

const PODS = findResource('', 'v1', 'pods') as ResourceInfo;
const NODES = findResource('', 'v1', 'nodes') as ResourceInfo;
const pod = (
  name: string,
  namespace = 'default',
  labels: Record<string, string> = {},
): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { nodeName: '' },
});

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

const brief = (e: WatchEvent): string =>
  `${e.type} ${e.object.metadata?.name}@${e.object.metadata?.resourceVersion}`;

describe('FakeResourceClient', () => {
  it('assigns resourceVersions and uids and answers errors as the apiserver words them', async () => {
    const pods = new FakeResourceClient(PODS);
    const a = await pods.create(pod('a'));
    expect(a.metadata).toMatchObject({
      name: 'a',
      namespace: 'default',
      uid: 'fake-uid-1',
      resourceVersion: '1',
    });
    await expect(pods.create(pod('a'))).rejects.toSatisfy(isAlreadyExists);
    await expect(pods.inNamespace('default').get('zz')).rejects.toThrow('pods "zz" not found');
    const updated = await pods.update({ ...a, spec: { nodeName: 'n1' } });
    expect(updated.metadata?.resourceVersion).toBe('2');
    const stale = pods.update(a);
    await expect(stale).rejects.toSatisfy(isConflict);
    await expect(stale).rejects.toThrow(
      'Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    const ns = pods.inNamespace('default');
    const patched = await ns.patch('a', 'merge', {
      metadata: { labels: { x: '1' } },
      spec: { nodeName: null },
    });
    expect(patched).toMatchObject({
      metadata: { labels: { x: '1' }, resourceVersion: '3' },
      spec: {},
    });
    await expect(ns.delete('a', { preconditions: { uid: 'other' } })).rejects.toSatisfy(isConflict);
    await ns.delete('a');
    await expect(ns.get('a')).rejects.toSatisfy(isNotFound);
  });

  it('lists by namespace, selector and page', async () => {
    const all = new FakeResourceClient(PODS);
    await all.create(pod('a', 'x', { app: 'web' }));
    await all.create(pod('b', 'x', { app: 'db' }));
    await all.create(pod('c', 'y', { app: 'web' }));
    const names = (l: { items: ApiObject[] }): (string | undefined)[] =>
      l.items.map((o) => o.metadata?.name);
    expect(names(await all.list())).toEqual(['a', 'b', 'c']);
    expect(names(await all.inNamespace('x').list())).toEqual(['a', 'b']);
    expect(names(await all.list({ labelSelector: 'app=web' }))).toEqual(['a', 'c']);
    expect(names(await all.list({ labelSelector: 'app in (db,cache)' }))).toEqual(['b']);
    expect(names(await all.list({ fieldSelector: 'metadata.namespace!=x' }))).toEqual(['c']);
    const page = await all.list({ limit: 2 });
    expect(page.metadata).toEqual({ resourceVersion: '3', continue: '2' });
    expect(names(await all.list({ limit: 2, continue: '2' }))).toEqual(['c']);
    const nodes = new FakeResourceClient(NODES, { namespace: 'ignored' });
    await nodes.create({ metadata: { name: 'n1' } });
    expect((await nodes.get('n1')).metadata?.namespace).toBeUndefined();
  });

  it('watches from now (initial ADDED), or replays from a resourceVersion', async () => {
    const pods = new FakeResourceClient(PODS, { namespace: 'default' });
    await pods.create(pod('a'));
    await pods.create(pod('b'));
    const fromZero = pods.watch()[Symbol.asyncIterator]();
    const fromOne = pods.watch({ resourceVersion: '1' })[Symbol.asyncIterator]();
    expect((await take(fromZero, 2)).map(brief)).toEqual(['ADDED a@1', 'ADDED b@2']);
    expect((await take(fromOne, 1)).map(brief)).toEqual(['ADDED b@2']);
    await pods.delete('a');
    expect((await take(fromZero, 1)).map(brief)).toEqual(['DELETED a@3']);
    expect((await take(fromOne, 1)).map(brief)).toEqual(['DELETED a@3']);
    pods.store.endWatches();
    expect(await fromZero.next()).toEqual({ done: true, value: undefined });
  });

  it('answers watches from compacted history with 410, as an event or an HTTP error', async () => {
    const pods = new FakeResourceClient(PODS, { namespace: 'default' });
    await pods.create(pod('a'));
    await pods.create(pod('b'));
    pods.store.compact();
    const events = await take(pods.watch({ resourceVersion: '1' })[Symbol.asyncIterator](), 2);
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          code: 410,
          reason: 'Expired',
          message: 'too old resource version: 1 (3)',
        }),
      },
    ]);
    const http = new FakeResourceClient(PODS, { namespace: 'default', expiredWatchAs: 'http' });
    await http.create(pod('a'));
    await http.create(pod('b'));
    http.store.compact();
    await expect(
      take(http.watch({ resourceVersion: '1' })[Symbol.asyncIterator](), 1),
    ).rejects.toSatisfy(isGone);
    // A watch from "now" is never too old.
    expect((await take(http.watch()[Symbol.asyncIterator](), 2)).map(brief)).toEqual([
      'ADDED a@1',
      'ADDED b@2',
    ]);
  });

  it('fails the next calls with injected faults', async () => {
    const pods = new FakeResourceClient(PODS, { namespace: 'default' });
    pods.store.failNext('watch', new Error('boom'));
    pods.store.failNext('list', new Error('refused'));
    await expect(take(pods.watch()[Symbol.asyncIterator](), 1)).rejects.toThrow('boom');
    await expect(pods.list()).rejects.toThrow('refused');
    await expect(pods.list()).resolves.toMatchObject({ items: [] });
  });

  it('ends a watch quietly when its signal aborts', async () => {
    const pods = new FakeResourceClient(PODS, { namespace: 'default' });
    const ctl = new AbortController();
    const it = pods.watch({ signal: ctl.signal })[Symbol.asyncIterator]();
    const pending = it.next();
    await pods.store.waitForWatches(1);
    ctl.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(pods.store.activeWatches).toBe(0);
  });
});
