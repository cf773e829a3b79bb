import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors.js';
import { findResource, type ResourceInfo } from '../resources.js';
import { FakeClock, FakeResourceClient, RecordingLogger } from '../testing/index.js';
import type { ApiObject } from '../types/index.js';
import type { Informer } from './informer.js';
import { VERY_SHORT_WATCH, createInformer } from './list-watch.js';

const PODS = findResource('', 'v1', 'pods') as ResourceInfo;
const pod = (name: string, labels: Record<string, string> = {}): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
});
const refused = (): Error =>
  Object.assign(
    new Error('Get "https://127.0.0.1:6443/api/v1/pods": connect ECONNREFUSED 127.0.0.1:6443'),
    {
      code: 'ECONNREFUSED',
    },
  );

/** Records handler calls as `add a@1`, `update a@3<-a@1`, `delete b@2`; waits for counts. */
class Recorder {
  readonly seen: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  attach(informer: Informer<ApiObject>): void {
    const tag = (o: ApiObject): string => `${o.metadata?.name}@${o.metadata?.resourceVersion}`;
    informer.on('add', (o) => this.push(`add ${tag(o)}`));
    informer.on('update', (o, old) => this.push(`update ${tag(o)}<-${tag(old)}`));
    informer.on('delete', (o) => this.push(`delete ${tag(o)}`));
  }

  push(s: string): void {
    this.seen.push(s);
    const ready = this.waiters.filter((w) => this.seen.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.seen.length < w.count);
    for (const w of ready) w.resolve();
  }

  /** Resolves once `count` events have been seen in total. */
  until(count: number): Promise<string[]> {
    if (this.seen.length >= count) return Promise.resolve(this.seen);
    return new Promise((resolve) =>
      this.waiters.push({ count, resolve: () => resolve(this.seen) }),
    );
  }
}

describe('createInformer', () => {
  let clock: FakeClock;
  let logger: RecordingLogger;
  let pods: FakeResourceClient;
  let informer: Informer<ApiObject>;
  let rec: Recorder;

  const build = (extra: Partial<Parameters<typeof createInformer<ApiObject>>[0]> = {}): void => {
    informer = createInformer<ApiObject>({
      client: pods,
      clock,
      logger,
      backoff: { random: () => 0 },
      ...extra,
    });
    rec = new Recorder();
    rec.attach(informer);
  };

  beforeEach(() => {
    clock = new FakeClock(1_000_000);
    logger = new RecordingLogger();
    pods = new FakeResourceClient(PODS, { namespace: 'default' });
  });
  afterEach(() => informer.stop());

  it('lists, syncs, then watches from the list resourceVersion', async () => {
    await pods.create(pod('a'));
    await pods.create(pod('b'));
    build();
    expect(informer.hasSynced()).toBe(false);
    informer.start();
    await informer.waitForSync();
    expect(informer.hasSynced()).toBe(true);
    expect(rec.seen).toEqual(['add a@1', 'add b@2']);
    await pods.store.waitForWatches(1);
    expect(pods.store.calls.map((c) => [c.op, c.options])).toEqual([
      ['create', { name: 'a' }],
      ['create', { name: 'b' }],
      ['list', { limit: 500 }],
      ['watch', { resourceVersion: '2', allowWatchBookmarks: true, timeoutSeconds: 300 }],
    ]);
    await pods.create(pod('c'));
    const a = await pods.get('a');
    await pods.update({ ...a, metadata: { ...a.metadata, labels: { x: 'y' } } });
    await pods.delete('b');
    expect(await rec.until(5)).toEqual([
      'add a@1',
      'add b@2',
      'add c@3',
      'update a@4<-a@1',
      'delete b@5',
    ]);
    expect(informer.cache.list().map((o) => o.metadata?.name)).toEqual(['a', 'c']);
    expect(informer.cache.get('default', 'a')?.metadata?.labels).toEqual({ x: 'y' });
    expect(informer.cache.byKey('default/c')?.metadata?.resourceVersion).toBe('3');
  });

  it('re-watches from the last resourceVersion when a watch ends, without duplicate events', async () => {
    await pods.create(pod('a'));
    build();
    informer.start();
    await pods.store.waitForWatches(1);
    await pods.create(pod('b'));
    await rec.until(2);
    pods.store.endWatches();
    await pods.store.waitForWatches(1);
    expect(
      pods.store.calls
        .filter((c) => c.op === 'watch')
        .map((c) => (c.options as { resourceVersion: string }).resourceVersion),
    ).toEqual(['1', '2']);
    // The server repeating an object at the same resourceVersion changes nothing.
    pods.store.sendWatchEvent({ type: 'ADDED', object: await pods.get('b') });
    pods.store.sendWatchEvent({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '2' } } });
    await pods.patch('b', 'merge', { metadata: { labels: { v: '2' } } });
    expect(await rec.until(3)).toEqual(['add a@1', 'add b@2', 'update b@3<-b@2']);
    expect(pods.store.calls.filter((c) => c.op === 'list')).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('relists after a 410 ERROR event: synthetic deletes, adds, and no update for unchanged objects', async () => {
    for (const n of ['a', 'b', 'c']) await pods.create(pod(n));
    build();
    informer.start();
    await informer.waitForSync();
    await pods.store.waitForWatches(1);
    // The connection drops; while the informer backs off, the world moves on and the
    // server forgets the history the informer would resume from.
    pods.store.endWatches(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    await clock.waitForSleepers(1);
    await pods.delete('b');
    const c = await pods.get('c');
    await pods.update({ ...c, metadata: { ...c.metadata, labels: { new: 'yes' } } });
    await pods.create(pod('d'));
    pods.store.compact();
    clock.advanceToNext();
    expect(await rec.until(6)).toEqual([
      'add a@1',
      'add b@2',
      'add c@3',
      'delete b@2',
      'add d@6',
      'update c@5<-c@3',
    ]);
    await pods.store.waitForWatches(1);
    const watches = pods.store.calls
      .filter((c) => c.op === 'watch')
      .map((c) => (c.options as { resourceVersion: string }).resourceVersion);
    expect(watches).toEqual(['3', '3', '6']);
    expect(clock.sleeps).toEqual([200]);
    expect(logger.at('error').map((e) => [e.msg, (e.err as Error).message])).toEqual([
      ['Failed to watch', 'aborted'],
    ]);
  });

  it('relists at once after an HTTP 410', async () => {
    pods = new FakeResourceClient(PODS, { namespace: 'default', expiredWatchAs: 'http' });
    await pods.create(pod('a'));
    build();
    informer.start();
    await pods.store.waitForWatches(1);
    await pods.create(pod('b'));
    await rec.until(2);
    // The watch ends normally; before the informer re-watches from rv 2, the server deletes
    // a and forgets its history, so the re-watch gets 410 and the informer relists at once.
    pods.store.endWatches();
    const deleted = pods.delete('a');
    pods.store.compact();
    await deleted;
    expect(await rec.until(3)).toEqual(['add a@1', 'add b@2', 'delete a@1']);
    await pods.store.waitForWatches(1);
    expect(pods.store.calls.filter((c) => c.op === 'list')).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
    expect(logger.at('error')).toEqual([]);
  });

  it('backs off on errors with capped exponential delays, logs once per streak, and recovers', async () => {
    for (let i = 0; i < 3; i++) pods.store.failNext('list', refused());
    await pods.create(pod('a'));
    build();
    informer.start();
    for (let i = 0; i < 3; i++) {
      await clock.waitForSleepers(1);
      clock.advanceToNext();
    }
    await informer.waitForSync();
    expect(clock.sleeps).toEqual([200, 400, 800]);
    expect(logger.at('error')).toHaveLength(1);
    expect(logger.at('error')[0]?.err).toMatchObject({ code: 'ECONNREFUSED' });
    await pods.store.waitForWatches(1);
    await pods.create(pod('b'));
    await rec.until(2);
    expect(logger.at('info').map((e) => e.msg)).toEqual(['Watch re-established']);
    // A new streak starts from the initial delay again and is logged again.
    pods.store.failNext(
      'watch',
      new ApiError('InternalError', 'etcdserver: leader changed', { code: 500 }),
    );
    pods.store.endWatches(refused());
    await clock.waitForSleepers(1);
    clock.advanceToNext();
    await clock.waitForSleepers(1);
    expect(clock.sleeps).toEqual([200, 400, 800, 200, 400]);
    expect(logger.at('error').map((e) => (e.err as Error).message)).toEqual([
      refused().message,
      refused().message,
    ]);
    clock.advanceToNext();
    await pods.store.waitForWatches(1);
    expect(rec.seen).toEqual(['add a@1', 'add b@2']);
  });

  it('never gives up: delays grow to the 30 s cap', async () => {
    for (let i = 0; i < 10; i++) pods.store.failNext('list', refused());
    build();
    informer.start();
    for (let i = 0; i < 10; i++) {
      await clock.waitForSleepers(1);
      clock.advanceToNext();
    }
    await informer.waitForSync();
    expect(clock.sleeps).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
  });

  it('treats a watch that closes at once with nothing in it as an error', async () => {
    build();
    informer.start();
    await pods.store.waitForWatches(1);
    pods.store.endWatches();
    await clock.waitForSleepers(1);
    expect(clock.sleeps).toEqual([200]);
    expect((logger.at('error')[0]?.err as Error).message).toBe(VERY_SHORT_WATCH);
  });

  it('backs off on ERROR events other than 410', async () => {
    build();
    informer.start();
    await pods.store.waitForWatches(1);
    const status = new ApiError('InternalError', 'Internal error occurred: boom', {
      code: 500,
    }).toStatus();
    pods.store.sendWatchEvent({ type: 'ERROR', object: status as unknown as ApiObject });
    await clock.waitForSleepers(1);
    expect(logger.at('error')[0]?.err).toMatchObject({
      code: 500,
      message: 'Internal error occurred: boom',
    });
  });

  it('follows continue tokens when listing', async () => {
    for (const n of ['a', 'b', 'c', 'd', 'e']) await pods.create(pod(n));
    build({ pageSize: 2 });
    informer.start();
    await informer.waitForSync();
    expect(rec.seen).toHaveLength(5);
    expect(pods.store.calls.filter((c) => c.op === 'list').map((c) => c.options)).toEqual([
      { limit: 2 },
      { limit: 2, continue: '2' },
      { limit: 2, continue: '4' },
    ]);
  });

  it('falls back to one full list when a continue token expires', async () => {
    for (const n of ['a', 'b', 'c']) await pods.create(pod(n));
    const list = pods.list.bind(pods);
    pods.list = async (o) => {
      if (o?.continue)
        throw new ApiError('Expired', 'The provided continue parameter is too old', { code: 410 });
      return list(o);
    };
    build({ pageSize: 2 });
    informer.start();
    await informer.waitForSync();
    expect(rec.seen).toEqual(['add a@1', 'add b@2', 'add c@3']);
    expect(pods.store.calls.filter((c) => c.op === 'list').map((c) => c.options)).toEqual([
      { limit: 2 },
      {},
    ]);
  });

  it('passes selectors to list and watch', async () => {
    await pods.create(pod('a', { app: 'web' }));
    await pods.create(pod('b', { app: 'db' }));
    build({ labelSelector: 'app=web', fieldSelector: 'metadata.namespace=default' });
    informer.start();
    await informer.waitForSync();
    await pods.store.waitForWatches(1);
    expect(rec.seen).toEqual(['add a@1']);
    expect(pods.store.calls.find((c) => c.op === 'watch')?.options).toMatchObject({
      labelSelector: 'app=web',
      fieldSelector: 'metadata.namespace=default',
    });
  });

  it('replays cached objects to late add handlers and honours unsubscribe', async () => {
    await pods.create(pod('a'));
    build();
    informer.start();
    await informer.waitForSync();
    const late: string[] = [];
    const off = informer.on('add', (o) => late.push(o.metadata?.name ?? ''));
    expect(late).toEqual(['a']);
    off();
    await pods.store.waitForWatches(1);
    await pods.create(pod('b'));
    await rec.until(2);
    expect(late).toEqual(['a']);
  });

  it('keeps delivering when a handler throws', async () => {
    build();
    informer.on('add', () => {
      throw new Error('handler bug');
    });
    informer.start();
    await pods.store.waitForWatches(1);
    await pods.create(pod('a'));
    await pods.create(pod('b'));
    expect(await rec.until(2)).toEqual(['add a@1', 'add b@2']);
    expect(logger.at('error').map((e) => e.msg)).toEqual([
      'Event handler failed',
      'Event handler failed',
    ]);
  });

  it('resyncs cached objects as updates', async () => {
    await pods.create(pod('a'));
    build({ resyncMs: 60_000 });
    informer.start();
    await informer.waitForSync();
    await clock.waitForSleepers(1);
    clock.advance(60_000);
    expect(await rec.until(2)).toEqual(['add a@1', 'update a@1<-a@1']);
  });

  it('stops watching on stop(), and waitForSync honours its signal', async () => {
    pods.store.failNext('list', refused());
    build();
    informer.start();
    const ctl = new AbortController();
    const waiting = informer.waitForSync(ctl.signal);
    ctl.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    await clock.waitForSleepers(1);
    clock.advanceToNext();
    await pods.store.waitForWatches(1);
    informer.stop();
    await vi.waitFor(() => expect(pods.store.activeWatches).toBe(0));
    await pods.create(pod('late'));
    expect(rec.seen).toEqual([]);
  });
});
