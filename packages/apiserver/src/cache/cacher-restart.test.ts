/** The watch cache across an apiserver restart, on LevelDbStorage's persisted history. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiObject } from '@kubelab/api';
import { LevelDbStorage } from '../storage/index.js';
import { Cacher, type CacheEvent, type ObjectAttrs } from './cacher.js';

const PREFIX = '/registry/pods/';
const key = (name: string): string => `${PREFIX}ns/${name}`;
const pod = (name: string, app: string): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `uid-${name}`, labels: { app } },
});
const attrs = (obj: ApiObject): ObjectAttrs => ({
  labels: (obj.metadata?.labels ?? {}) as Record<string, string>,
  fields: { 'metadata.name': obj.metadata?.name ?? '' },
});
const relabel =
  (app: string) =>
  (cur: ApiObject): ApiObject => ({
    ...cur,
    metadata: { ...cur.metadata, labels: { app } },
  });
const isWeb = (a: ObjectAttrs): boolean => a.labels.app === 'web';

describe('Cacher across a restart', () => {
  let dir: string;
  let running: { storage: LevelDbStorage; cacher: Cacher } | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-cacher-'));
  });
  afterEach(async () => {
    try {
      await stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  async function start(historySize?: number, cacheSize?: number) {
    await stop();
    const storage = await LevelDbStorage.open(
      dir,
      historySize === undefined ? {} : { historySize },
    );
    const cacher = await Cacher.create({ storage, prefix: PREFIX, attrs, historySize: cacheSize });
    running = { storage, cacher };
    return running;
  }
  async function stop(): Promise<void> {
    if (!running) return;
    running.cacher.close();
    await running.storage.close();
    running = undefined;
  }
  function collect(
    cacher: Cacher,
    fromRv: number,
    pred?: (a: ObjectAttrs) => boolean,
  ): (Omit<CacheEvent, 'json'> & { json: string })[] {
    const out: (Omit<CacheEvent, 'json'> & { json: string })[] = [];
    cacher.watch({ prefix: PREFIX, fromRv, pred, onEvent: (e) => out.push({ ...e, json: e.json.toString() }) });
    return out;
  }

  it('loads the objects and the history, and resumes watches exactly', async () => {
    const { storage, cacher } = await start();
    const all = collect(cacher, 0);
    const web = collect(cacher, 0, isWeb);
    await storage.create(key('a'), pod('a', 'web'));
    await storage.create(key('b'), pod('b', 'db'));
    await storage.guaranteedUpdate(key('a'), relabel('web'));
    const mark = storage.currentResourceVersion();
    await storage.guaranteedUpdate(key('b'), relabel('web'));
    await storage.guaranteedUpdate(key('a'), relabel('db'));
    await storage.create('/registry/services/ns/s', pod('s', 'web'));
    await storage.delete(key('a'));
    await storage.create(key('c'), pod('c', 'web'));
    const before = storage.currentResourceVersion();

    const after = await start();
    expect(after.cacher.list(PREFIX).items.map((e) => e.key)).toEqual([key('b'), key('c')]);
    expect(after.cacher.list(PREFIX).rv).toBe(before);
    const resumed = collect(after.cacher, mark);
    const resumedWeb = collect(after.cacher, mark, isWeb);
    expect(resumed).toEqual(all.filter((e) => e.rv > mark));
    expect(resumedWeb).toEqual(web.filter((e) => e.rv > mark));
    expect(resumedWeb.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
    const d = await after.storage.create(key('d'), pod('d', 'web'));
    expect(d.rv).toBe(before + 1);
    expect(resumed.filter((e) => e.key === key('d'))).toEqual([
      { type: 'ADDED', key: d.key, rv: d.rv, json: d.json },
    ]);
  });

  it('answers 410 below the trimmed persisted history and serves from its start', async () => {
    const first = await start(3);
    const rvs: number[] = [];
    for (const n of ['a', 'b', 'c', 'd', 'e'])
      rvs.push((await first.storage.create(key(n), pod(n, 'web'))).rv);
    const { cacher } = await start(3);
    const floor = rvs[1] as number;
    expect(() => collect(cacher, rvs[0] as number)).toThrow(
      `too old resource version: ${rvs[0]} (${floor})`,
    );
    expect(collect(cacher, floor).map((e) => e.rv)).toEqual(rvs.slice(2));
    expect(collect(cacher, 0).map((e) => e.key)).toEqual(['a', 'b', 'c', 'd', 'e'].map(key));
  });

  it('caps the loaded history at its own size', async () => {
    const first = await start();
    const rvs: number[] = [];
    for (const n of ['a', 'b', 'c', 'd'])
      rvs.push((await first.storage.create(key(n), pod(n, 'web'))).rv);
    const { cacher } = await start(undefined, 2);
    expect(() => collect(cacher, rvs[0] as number)).toThrow(`(${rvs[1]})`);
    expect(collect(cacher, rvs[1] as number).map((e) => e.rv)).toEqual(rvs.slice(2));
  });

  it('reports a removal from a selector even when the earlier state was trimmed', async () => {
    const first = await start(2);
    await first.storage.create(key('p'), pod('p', 'web'));
    const trimmedUpTo = (await first.storage.create(key('q'), pod('q', 'db'))).rv;
    const moved = await first.storage.guaranteedUpdate(key('p'), relabel('db'));
    await first.storage.create(key('r'), pod('r', 'db'));
    const { cacher } = await start(2);
    expect(collect(cacher, trimmedUpTo, isWeb)).toEqual([
      { type: 'DELETED', key: key('p'), rv: moved.rv, json: moved.json },
    ]);
  });
});
