/**
 * The contract every Storage implementation must meet, as one vitest suite that each
 * implementation's test file runs (memory/memory-storage.test.ts, leveldb/leveldb-storage.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiObject } from '@kubelab/api';
import { StorageError, type Storage, type StorageEvent, type StoredItem } from './storage.js';

export interface StorageUnderTest {
  storage: Storage;
  cleanup(): Promise<void>;
}

/** `historySize` is passed by the history-trimming tests; other tests pass nothing. */
export type MakeStorage = (opts?: { historySize?: number }) => Promise<StorageUnderTest>;

const pod = (ns: string, name: string, extra: Record<string, unknown> = {}): ApiObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, uid: `uid-${ns}-${name}` },
  spec: { nodeName: '' },
  ...extra,
});
const key = (ns: string, name: string): string => `/registry/pods/${ns}/${name}`;
const parse = (item: { json: string }): ApiObject => JSON.parse(item.json) as ApiObject;

async function storageError(p: Promise<unknown>): Promise<StorageError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  return err as StorageError;
}

export function runStorageConformance(name: string, make: MakeStorage): void {
  describe(`${name} conforms to Storage`, () => {
    let s: Storage;
    let cleanup: () => Promise<void>;
    const events: StorageEvent[] = [];

    async function setUp(opts?: { historySize?: number }): Promise<void> {
      await cleanup?.();
      ({ storage: s, cleanup } = await make(opts));
      events.length = 0;
      s.subscribe(({ type, key, rv, json }) => events.push({ type, key, rv, json }));
    }
    beforeEach(async () => {
      cleanup = async () => {};
      await setUp();
    });
    afterEach(async () => {
      await cleanup();
    });

    it('creates and gets objects, stamping metadata.resourceVersion', async () => {
      expect(s.currentResourceVersion()).toBe(0);
      const input = pod('default', 'web');
      const created = await s.create(key('default', 'web'), input);
      expect(created.rv).toBeGreaterThan(0);
      expect(created.key).toBe(key('default', 'web'));
      expect(parse(created).metadata).toMatchObject({
        name: 'web',
        resourceVersion: String(created.rv),
      });
      expect(input.metadata?.resourceVersion).toBeUndefined();
      expect(await s.get(key('default', 'web'))).toEqual(created);
      expect(await s.get(key('default', 'nope'))).toBeUndefined();
      expect(s.currentResourceVersion()).toBe(created.rv);
      expect(events).toEqual([
        { type: 'ADDED', key: created.key, rv: created.rv, json: created.json },
      ]);
    });

    it('lists in key order and keeps sibling prefixes apart', async () => {
      for (const [ns, n] of [
        ['ab', 'x'],
        ['a', 'z'],
        ['b', 'a'],
        ['a', 'b'],
        ['a', 'c'],
      ] as const) {
        await s.create(key(ns, n), pod(ns, n));
      }
      await s.create('/registry/podsx/a/q', pod('a', 'q'));
      const a = await s.list('/registry/pods/a/');
      expect(a.items.map((i) => i.key)).toEqual([key('a', 'b'), key('a', 'c'), key('a', 'z')]);
      expect(a.rv).toBe(s.currentResourceVersion());
      const all = await s.list('/registry/pods/');
      expect(all.items.map((i) => i.key)).toEqual([
        key('a', 'b'),
        key('a', 'c'),
        key('a', 'z'),
        key('ab', 'x'),
        key('b', 'a'),
      ]);
      for (const item of all.items) expect(await s.get(item.key)).toEqual(item);
      expect((await s.list('/registry/services/')).items).toEqual([]);
    });

    it('refuses to create an existing key with KeyExists and changes nothing', async () => {
      const first = await s.create(key('default', 'web'), pod('default', 'web'));
      const err = await storageError(
        s.create(key('default', 'web'), pod('default', 'web', { spec: {} })),
      );
      expect(err.code).toBe('KeyExists');
      expect(err.key).toBe(key('default', 'web'));
      expect(await s.get(key('default', 'web'))).toEqual(first);
      expect(s.currentResourceVersion()).toBe(first.rv);
      expect(events).toHaveLength(1);
    });

    it('updates with guaranteedUpdate on a fresh copy and a new resourceVersion', async () => {
      const created = await s.create(key('default', 'web'), pod('default', 'web'));
      let seen: ApiObject | undefined;
      const updated = await s.guaranteedUpdate(key('default', 'web'), (cur) => {
        seen = cur;
        cur.spec = { nodeName: 'node-1' };
        return cur;
      });
      expect(seen?.metadata?.resourceVersion).toBe(String(created.rv));
      expect(updated.rv).toBeGreaterThan(created.rv);
      expect(parse(updated)).toMatchObject({
        spec: { nodeName: 'node-1' },
        metadata: { resourceVersion: String(updated.rv), uid: 'uid-default-web' },
      });
      expect(await s.get(key('default', 'web'))).toEqual(updated);
      expect(events.map((e) => [e.type, e.rv])).toEqual([
        ['ADDED', created.rv],
        ['MODIFIED', updated.rv],
      ]);
      const viaAsync = await s.guaranteedUpdate(key('default', 'web'), async (cur) => {
        await Promise.resolve();
        return { ...cur, spec: { nodeName: 'node-2' } };
      });
      expect(parse(viaAsync).spec).toEqual({ nodeName: 'node-2' });
    });

    it('checks guaranteedUpdate preconditions and reports conflicts', async () => {
      const created = await s.create(key('default', 'web'), pod('default', 'web'));
      const set = (cur: ApiObject): ApiObject => ({ ...cur, spec: { nodeName: 'n' } });
      const uidErr = await storageError(
        s.guaranteedUpdate(key('default', 'web'), set, { preconditions: { uid: 'other' } }),
      );
      expect(uidErr.code).toBe('ResourceVersionConflict');
      expect(uidErr.message).toBe(
        `StorageError: invalid object, Code: 4, Key: ${key('default', 'web')}, ResourceVersion: 0, ` +
          'AdditionalErrorMsg: Precondition failed: UID in precondition: other, UID in object meta: uid-default-web',
      );
      expect(uidErr.message).toContain(
        'Precondition failed: UID in precondition: other, UID in object meta: uid-default-web',
      );
      const rvErr = await storageError(
        s.guaranteedUpdate(key('default', 'web'), set, {
          preconditions: { resourceVersion: '999999' },
        }),
      );
      expect(rvErr.code).toBe('ResourceVersionConflict');
      expect(rvErr.message).toContain(
        `Precondition failed: ResourceVersion in precondition: 999999, ResourceVersion in object meta: ${created.rv}`,
      );
      expect(await s.get(key('default', 'web'))).toEqual(created);
      const ok = await s.guaranteedUpdate(key('default', 'web'), set, {
        preconditions: { uid: 'uid-default-web', resourceVersion: String(created.rv) },
      });
      expect(ok.rv).toBeGreaterThan(created.rv);
    });

    it('fails guaranteedUpdate on a missing key unless ignoreNotFound, and aborts when tryUpdate throws', async () => {
      const missing = await storageError(s.guaranteedUpdate(key('default', 'web'), (c) => c));
      expect(missing.code).toBe('KeyNotFound');
      let arg: ApiObject | undefined;
      const made = await s.guaranteedUpdate(
        key('default', 'web'),
        (cur) => {
          arg = cur;
          return pod('default', 'web');
        },
        { ignoreNotFound: true },
      );
      expect(arg).toEqual({});
      expect(events.map((e) => e.type)).toEqual(['ADDED']);
      await expect(
        s.guaranteedUpdate(key('default', 'web'), () => {
          throw new Error('nope');
        }),
      ).rejects.toThrow('nope');
      expect(await s.get(key('default', 'web'))).toEqual(made);
      expect(s.currentResourceVersion()).toBe(made.rv);
    });

    it('writes nothing for an update that changes nothing but the resourceVersion', async () => {
      const created = await s.create(key('default', 'web'), pod('default', 'web'));
      const same = await s.guaranteedUpdate(key('default', 'web'), (cur) => cur);
      const otherRv = await s.guaranteedUpdate(key('default', 'web'), (cur) => {
        const { resourceVersion: _drop, ...meta } = cur.metadata ?? {};
        return { ...cur, metadata: { ...meta, resourceVersion: '1234' } };
      });
      const noRv = await s.guaranteedUpdate(key('default', 'web'), (cur) => {
        const { resourceVersion: _drop, ...meta } = cur.metadata ?? {};
        return { ...cur, metadata: meta };
      });
      for (const r of [same, otherRv, noRv]) expect(r).toEqual(created);
      expect(s.currentResourceVersion()).toBe(created.rv);
      expect(events).toHaveLength(1);
      expect((await s.history(0)).events).toHaveLength(1);
    });

    it('deletes with the deletion resourceVersion, preconditions and validateDeletion', async () => {
      const created = await s.create(key('default', 'web'), pod('default', 'web'));
      const uidErr = await storageError(
        s.delete(key('default', 'web'), { preconditions: { uid: 'x' } }),
      );
      expect(uidErr.code).toBe('ResourceVersionConflict');
      await expect(
        s.delete(key('default', 'web'), {
          validateDeletion: () => {
            throw new Error('has finalizers');
          },
        }),
      ).rejects.toThrow('has finalizers');
      expect(await s.get(key('default', 'web'))).toEqual(created);
      let validated: ApiObject | undefined;
      const deleted = await s.delete(key('default', 'web'), {
        preconditions: { uid: 'uid-default-web', resourceVersion: String(created.rv) },
        validateDeletion: async (cur) => {
          validated = cur;
          await Promise.resolve();
        },
      });
      expect(validated?.metadata?.name).toBe('web');
      expect(deleted.rv).toBeGreaterThan(created.rv);
      expect(parse(deleted).metadata?.resourceVersion).toBe(String(deleted.rv));
      expect(await s.get(key('default', 'web'))).toBeUndefined();
      expect((await s.list('/registry/pods/')).items).toEqual([]);
      expect(events.at(-1)).toEqual({
        type: 'DELETED',
        key: deleted.key,
        rv: deleted.rv,
        json: deleted.json,
      });
      const gone = await storageError(s.delete(key('default', 'web')));
      expect(gone.code).toBe('KeyNotFound');
      const again = await s.create(key('default', 'web'), pod('default', 'web'));
      expect(again.rv).toBeGreaterThan(deleted.rv);
    });

    it('gives every write a strictly larger resourceVersion and tells listeners first, in order', async () => {
      const seenAtResolve: number[] = [];
      const track = (p: Promise<StoredItem>): Promise<StoredItem> =>
        p.then((item) => {
          expect(events.some((e) => e.rv === item.rv)).toBe(true);
          seenAtResolve.push(item.rv);
          return item;
        });
      const a = await track(s.create(key('n', 'a'), pod('n', 'a')));
      const b = await track(s.create(key('n', 'b'), pod('n', 'b')));
      const c = await track(
        s.guaranteedUpdate(key('n', 'a'), (cur) => ({ ...cur, spec: { x: 1 } })),
      );
      const d = await track(s.delete(key('n', 'b')));
      expect([a.rv, b.rv, c.rv, d.rv]).toEqual([...[a.rv, b.rv, c.rv, d.rv]].sort((x, y) => x - y));
      expect(new Set([a.rv, b.rv, c.rv, d.rv]).size).toBe(4);
      expect(events.map((e) => e.rv)).toEqual([a.rv, b.rv, c.rv, d.rv]);
      const late: StorageEvent[] = [];
      const stop = s.subscribe(({ type, key, rv, json }) => late.push({ type, key, rv, json }));
      await s.create(key('n', 'c'), pod('n', 'c'));
      stop();
      await s.create(key('n', 'd'), pod('n', 'd'));
      expect(late.map((e) => e.key)).toEqual([key('n', 'c')]);
    });

    it('serialises concurrent writers: distinct increasing rvs, no lost updates', async () => {
      await s.create(key('n', 'counter'), pod('n', 'counter', { data: { n: 0 } }));
      const writes: Promise<StoredItem>[] = [];
      for (let i = 0; i < 100; i++) {
        writes.push(s.create(key('n', `p${i}`), pod('n', `p${i}`)));
        writes.push(
          s.guaranteedUpdate(key('n', 'counter'), (cur) => {
            const data = cur.data as { n: number };
            return { ...cur, data: { n: data.n + 1 } };
          }),
        );
      }
      const dup = s.create(key('n', 'p0'), pod('n', 'p0'));
      const done = await Promise.all(writes);
      expect((await storageError(dup)).code).toBe('KeyExists');
      const rvs = done.map((d) => d.rv);
      expect(new Set(rvs).size).toBe(rvs.length);
      expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
      const counter = await s.get(key('n', 'counter'));
      expect(counter && parse(counter).data).toEqual({ n: 100 });
      expect(events.map((e) => e.rv)).toEqual([...events.map((e) => e.rv)].sort((x, y) => x - y));
      expect(s.currentResourceVersion()).toBe(Math.max(...rvs));
    });

    it('keeps an ordered history and says when it is complete', async () => {
      const a = await s.create(key('n', 'a'), pod('n', 'a'));
      const b = await s.guaranteedUpdate(key('n', 'a'), (cur) => ({ ...cur, spec: { y: 1 } }));
      const c = await s.delete(key('n', 'a'));
      const all = await s.history(0);
      expect(all.complete).toBe(true);
      expect(all.events).toEqual([
        { type: 'ADDED', key: a.key, rv: a.rv, json: a.json },
        { type: 'MODIFIED', key: b.key, rv: b.rv, json: b.json },
        { type: 'DELETED', key: c.key, rv: c.rv, json: c.json },
      ]);
      expect((await s.history(a.rv)).events.map((e) => e.rv)).toEqual([b.rv, c.rv]);
      expect(await s.history(c.rv)).toEqual({ events: [], complete: true });
    });

    it('trims the history to historySize and reports incomplete history', async () => {
      await setUp({ historySize: 5 });
      const rvs: number[] = [];
      for (let i = 0; i < 12; i++)
        rvs.push((await s.create(key('n', `p${i}`), pod('n', `p${i}`))).rv);
      const kept = rvs.slice(-5);
      const h = await s.history(0);
      expect(h.complete).toBe(false);
      expect(h.events.map((e) => e.rv)).toEqual(kept);
      const oldest = kept[0] as number;
      expect((await s.history(oldest - 1)).complete).toBe(true);
      expect((await s.history(oldest - 2)).complete).toBe(false);
      expect((await s.history(oldest)).events.map((e) => e.rv)).toEqual(kept.slice(1));
      expect((await s.list('/registry/pods/n/')).items).toHaveLength(12);
    });
  });
}
