import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from '@kubelab/api';
import { storedRow, storedRowJson } from '../printers/index.js';
import { MemoryStorage, StorageError, type Storage } from '../storage/index.js';
import { Cacher, type CacheEvent, type ObjectAttrs } from './cacher.js';

const PREFIX = '/registry/pods/';
const key = (ns: string, name: string): string => `${PREFIX}${ns}/${name}`;
const pod = (ns: string, name: string, labels: Record<string, string> = {}): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, uid: `uid-${name}`, labels },
  spec: { nodeName: '' },
});
const podAttrs = (obj: ApiObject): ObjectAttrs => ({
  labels: (obj.metadata?.labels ?? {}) as Record<string, string>,
  fields: {
    'metadata.name': obj.metadata?.name ?? '',
    'metadata.namespace': obj.metadata?.namespace ?? '',
    'spec.nodeName': (obj.spec as { nodeName?: string } | undefined)?.nodeName ?? '',
  },
});
const relabel =
  (labels: Record<string, string>) =>
  (cur: ApiObject): ApiObject => ({
    ...cur,
    metadata: { ...cur.metadata, labels },
  });
const isWeb = (a: ObjectAttrs): boolean => a.labels.app === 'web';
const brief = (evs: Pick<CacheEvent, 'type' | 'key' | 'rv'>[]): [string, string, number][] =>
  evs.map((e) => [e.type, e.key, e.rv]);

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function memoryCacher(historySize?: number): Promise<{ storage: Storage; cacher: Cacher }> {
  const storage = new MemoryStorage();
  const cacher = await Cacher.create({ storage, prefix: PREFIX, attrs: podAttrs, historySize });
  closers.push(
    () => storage.close(),
    () => cacher.close(),
  );
  return { storage, cacher };
}

function collect(cacher: Cacher, opts: Omit<Parameters<Cacher['watch']>[0], 'onEvent'>) {
  // Events with their JSON as text, to compare with what the storage returns.
  const events: (Omit<CacheEvent, 'json'> & { json: string })[] = [];
  const w = cacher.watch({ ...opts, onEvent: (e) => events.push({ ...e, json: e.json.toString() }) });
  return { events, stop: () => w.stop() };
}

describe('Cacher', () => {
  it("keeps each object's Table row beside its JSON, printed again for every stored version and on load", async () => {
    const storage = new MemoryStorage();
    const row = (obj: ApiObject, json: string) => storedRow({ group: '', kind: 'Pod' }, obj, json);
    const cacher = await Cacher.create({ storage, prefix: PREFIX, attrs: podAttrs, row });
    closers.push(() => storage.close(), () => cacher.close());
    const cells = (c: Cacher): unknown => {
      const e = c.get(key('a', 'x'));
      return e?.row && (JSON.parse(storedRowJson(e.row, e.json, 'Metadata', 0)) as { cells: unknown[] }).cells.slice(0, 3);
    };
    const metadataOf = (c: Cacher): unknown => {
      const e = c.get(key('a', 'x'));
      return e?.row && (JSON.parse(storedRowJson(e.row, e.json, 'Metadata', 0)) as { object: { metadata: unknown } }).object.metadata;
    };
    await storage.create(key('a', 'x'), pod('a', 'x'));
    expect(cells(cacher)).toEqual(['x', '0/0', '']);
    await storage.guaranteedUpdate(key('a', 'x'), (cur) => ({ ...cur, status: { phase: 'Running' } }));
    expect(cells(cacher)).toEqual(['x', '0/0', 'Running']);
    const stored = JSON.parse((await storage.get(key('a', 'x')))?.json ?? '{}') as ApiObject;
    expect(metadataOf(cacher)).toEqual(stored.metadata);
    expect(stored.metadata?.resourceVersion).toBe(String(cacher.get(key('a', 'x'))?.rv));

    const reloaded = await Cacher.create({ storage, prefix: PREFIX, attrs: podAttrs, row });
    closers.push(() => reloaded.close());
    expect(cells(reloaded)).toEqual(['x', '0/0', 'Running']);
    expect(metadataOf(reloaded)).toEqual(metadataOf(cacher));
  });

  it('serves get and list from memory, in key order, with the storage rv', async () => {
    const { storage, cacher } = await memoryCacher();
    await storage.create(key('b', 'x'), pod('b', 'x', { app: 'web' }));
    await storage.create(key('a', 'y'), pod('a', 'y', { app: 'db' }));
    await storage.create(key('a', 'x'), pod('a', 'x', { app: 'web' }));
    await storage.create('/registry/podsx/a/z', pod('a', 'z'));
    const stored = await storage.get(key('a', 'x'));
    expect(cacher.get(key('a', 'x'))).toMatchObject({
      key: key('a', 'x'),
      rv: stored?.rv,
    });
    expect(cacher.get(key('a', 'x'))?.json.toString()).toBe(stored?.json);
    expect(cacher.get(key('a', 'x'))?.attrs.labels).toEqual({ app: 'web' });
    expect(cacher.get('/registry/podsx/a/z')).toBeUndefined();
    const all = cacher.list(PREFIX);
    expect(all.items.map((e) => e.key)).toEqual([key('a', 'x'), key('a', 'y'), key('b', 'x')]);
    expect(all.rv).toBe(storage.currentResourceVersion());
    expect(cacher.list(`${PREFIX}a/`, isWeb).items.map((e) => e.key)).toEqual([key('a', 'x')]);
    await storage.delete(key('a', 'x'));
    expect(cacher.get(key('a', 'x'))).toBeUndefined();
  });

  it('starts a watch from 0 with synthetic ADDED events in key order, then live events', async () => {
    const { storage, cacher } = await memoryCacher();
    const b = await storage.create(key('ns', 'b'), pod('ns', 'b', { app: 'web' }));
    const a = await storage.create(key('ns', 'a'), pod('ns', 'a', { app: 'web' }));
    await storage.create(key('ns', 'c'), pod('ns', 'c', { app: 'db' }));
    await storage.create(key('other', 'd'), pod('other', 'd', { app: 'web' }));
    const w = collect(cacher, { prefix: `${PREFIX}ns/`, pred: isWeb });
    expect(brief(w.events)).toEqual([
      ['ADDED', a.key, a.rv],
      ['ADDED', b.key, b.rv],
    ]);
    expect(w.events[0]?.json).toBe(a.json);
    const e = await storage.create(key('ns', 'e'), pod('ns', 'e', { app: 'web' }));
    await storage.create(key('other', 'f'), pod('other', 'f', { app: 'web' }));
    w.stop();
    await storage.create(key('ns', 'g'), pod('ns', 'g', { app: 'web' }));
    expect(brief(w.events).slice(2)).toEqual([['ADDED', e.key, e.rv]]);
  });

  it('resumes a watch with exactly the later events, each once, in order', async () => {
    const { storage, cacher } = await memoryCacher();
    const full = collect(cacher, { prefix: PREFIX });
    await storage.create(key('ns', 'a'), pod('ns', 'a'));
    const mark = storage.currentResourceVersion();
    await storage.guaranteedUpdate(key('ns', 'a'), relabel({ x: '1' }));
    await storage.create('/registry/services/ns/s', pod('ns', 's'));
    await storage.create(key('ns', 'b'), pod('ns', 'b'));
    await storage.delete(key('ns', 'a'));
    const resumed = collect(cacher, { prefix: PREFIX, fromRv: mark });
    expect(resumed.events).toEqual(full.events.filter((e) => e.rv > mark));
    expect(brief(resumed.events).map((e) => e[0])).toEqual(['MODIFIED', 'ADDED', 'DELETED']);
    await storage.create(key('ns', 'c'), pod('ns', 'c'));
    expect(resumed.events).toEqual(full.events.filter((e) => e.rv > mark));
    const fromNow = collect(cacher, { prefix: PREFIX, fromRv: storage.currentResourceVersion() });
    expect(fromNow.events).toEqual([]);
  });

  it('answers a watch from before the kept window with 410 Expired', async () => {
    const { storage, cacher } = await memoryCacher(3);
    const rvs: number[] = [];
    for (let i = 0; i < 5; i++)
      rvs.push((await storage.create(key('ns', `p${i}`), pod('ns', `p${i}`))).rv);
    const evicted = rvs[1] as number;
    let err: unknown;
    try {
      cacher.watch({ prefix: PREFIX, fromRv: rvs[0] as number, onEvent: () => {} });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({
      code: 'Expired',
      message: `too old resource version: ${rvs[0]} (${evicted})`,
    });
    const ok = collect(cacher, { prefix: PREFIX, fromRv: evicted });
    expect(ok.events.map((e) => e.rv)).toEqual(rvs.slice(2));
    expect(() => cacher.watch({ prefix: '/registry/services/', onEvent: () => {} })).toThrow(
      'outside the cache',
    );
  });

  it('turns selector transitions into ADDED and DELETED, live and when resuming', async () => {
    const { storage, cacher } = await memoryCacher();
    const live = collect(cacher, { prefix: PREFIX, pred: isWeb });
    const k = key('ns', 'p');
    await storage.create(key('ns', 'other'), pod('ns', 'other', { app: 'db' }));
    const start = storage.currentResourceVersion();
    const steps = [
      await storage.create(k, pod('ns', 'p', { app: 'web' })),
      await storage.guaranteedUpdate(k, relabel({ app: 'web', v: '2' })),
      await storage.guaranteedUpdate(k, relabel({ app: 'db' })),
      await storage.guaranteedUpdate(k, relabel({ app: 'db', v: '3' })),
      await storage.guaranteedUpdate(k, relabel({ app: 'web' })),
      await storage.delete(k),
    ];
    const want = [
      ['ADDED', k, steps[0]?.rv],
      ['MODIFIED', k, steps[1]?.rv],
      ['DELETED', k, steps[2]?.rv],
      ['ADDED', k, steps[4]?.rv],
      ['DELETED', k, steps[5]?.rv],
    ];
    expect(brief(live.events)).toEqual(want);
    expect(live.events[2]?.json).toBe(steps[2]?.json);
    const resumed = collect(cacher, { prefix: PREFIX, pred: isWeb, fromRv: start });
    expect(resumed.events).toEqual(live.events);
  });

  it('keeps dispatching to other watchers when one throws', async () => {
    const { storage, cacher } = await memoryCacher();
    cacher.watch({
      prefix: PREFIX,
      onEvent: () => {
        throw new Error('bad watcher');
      },
    });
    const good = collect(cacher, { prefix: PREFIX });
    await storage.create(key('ns', 'a'), pod('ns', 'a'));
    await storage.create(key('ns', 'b'), pod('ns', 'b'));
    expect(good.events.map((e) => e.key)).toEqual([key('ns', 'a'), key('ns', 'b')]);
  });

  it('loads consistently while writes are in flight', async () => {
    const storage = new MemoryStorage();
    closers.push(() => storage.close());
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++)
      writes.push(storage.create(key('ns', `p${i}`), pod('ns', `p${i}`)));
    const creating = Cacher.create({ storage, prefix: PREFIX, attrs: podAttrs });
    for (let i = 0; i < 50; i += 2) writes.push(storage.delete(key('ns', `p${i}`)));
    const cacher = await creating;
    closers.push(() => cacher.close());
    await Promise.all(writes);
    const listed = await storage.list(PREFIX);
    expect(cacher.list(PREFIX).items.map(({ key: k, rv, json }) => ({ key: k, rv, json: json.toString() }))).toEqual(
      listed.items,
    );
    const all = collect(cacher, { prefix: PREFIX, fromRv: 0 });
    const history = collect(cacher, { prefix: PREFIX, fromRv: 1 });
    expect(all.events).toHaveLength(25);
    expect(history.events.map((e) => e.rv)).toEqual(
      Array.from({ length: storage.currentResourceVersion() - 1 }, (_, i) => i + 2),
    );
  });
});
