import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiObject } from '@kubelab/api';
import { runStorageConformance } from '../storage.conformance.js';
import { LevelDbStorage } from './leveldb-storage.js';

runStorageConformance('LevelDbStorage', async (opts) => {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-leveldb-'));
  try {
    const storage = await LevelDbStorage.open(dir, opts);
    return {
      storage,
      cleanup: async () => {
        try {
          await storage.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
});

const pod = (name: string): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
});
const key = (name: string): string => `/registry/pods/default/${name}`;

describe('LevelDbStorage across restarts', () => {
  let dir: string;
  let open: LevelDbStorage[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-leveldb-'));
    open = [];
  });
  afterEach(async () => {
    try {
      for (const s of open) await s.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  async function reopen(prev?: LevelDbStorage, historySize?: number): Promise<LevelDbStorage> {
    if (prev) {
      await prev.close();
      open = open.filter((s) => s !== prev);
    }
    const s = await LevelDbStorage.open(dir, historySize === undefined ? {} : { historySize });
    open.push(s);
    return s;
  }

  it('keeps objects, and the resourceVersion keeps increasing', async () => {
    const first = await reopen();
    const a = await first.create(key('a'), pod('a'));
    const b = await first.guaranteedUpdate(key('a'), (cur) => ({
      ...cur,
      spec: { nodeName: 'n1' },
    }));
    await first.create(key('c'), pod('c'));
    const gone = await first.delete(key('c'));
    const second = await reopen(first);
    expect(second.currentResourceVersion()).toBe(gone.rv);
    expect(await second.get(key('a'))).toEqual(b);
    expect(await second.get(key('c'))).toBeUndefined();
    expect((await second.list('/registry/pods/')).items).toEqual([b]);
    expect((await second.list('/registry/pods/')).rv).toBe(gone.rv);
    const next = await second.create(key('d'), pod('d'));
    expect(next.rv).toBe(gone.rv + 1);
    expect(a.rv).toBeLessThan(b.rv);
  });

  it('keeps the history, including where it was trimmed', async () => {
    const first = await reopen(undefined, 3);
    const rvs: number[] = [];
    for (const n of ['a', 'b', 'c', 'd', 'e']) rvs.push((await first.create(key(n), pod(n))).rv);
    const second = await reopen(first, 3);
    const h = await second.history(0);
    expect(h.complete).toBe(false);
    expect(h.events.map((e) => [e.type, e.key, e.rv])).toEqual([
      ['ADDED', key('c'), rvs[2]],
      ['ADDED', key('d'), rvs[3]],
      ['ADDED', key('e'), rvs[4]],
    ]);
    expect((await second.history(rvs[1] as number)).complete).toBe(true);
    const third = await reopen(second, 2);
    const shrunk = await third.history(0);
    expect(shrunk.events.map((e) => e.rv)).toEqual(rvs.slice(3));
    expect((await third.history(rvs[2] as number)).complete).toBe(true);
    expect((await third.history(rvs[1] as number)).complete).toBe(false);
    const fourth = await reopen(third, 100);
    expect((await fourth.history(0)).events.map((e) => e.rv)).toEqual(rvs.slice(3));
    const f = await fourth.create(key('f'), pod('f'));
    expect((await fourth.history(rvs[2] as number)).events.map((e) => e.rv)).toEqual([
      ...rvs.slice(3),
      f.rv,
    ]);
  });

  it('refuses keys outside the object key space', async () => {
    const s = await reopen();
    await expect(s.create('!meta!resourceVersion', pod('x'))).rejects.toThrow(
      'storage keys start with "/"',
    );
    expect(await s.get('!meta!resourceVersion')).toBeUndefined();
    expect((await s.list('')).items).toEqual([]);
    const a = await s.create(key('a'), pod('a'));
    expect((await s.list('')).items).toEqual([a]);
    expect((await s.list('!')).items).toEqual([]);
    expect((await s.list('/registry/pods/default/a')).items).toEqual([a]);
  });
});
