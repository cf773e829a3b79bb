/** Watch semantics over HTTP: resume, synthetic ADDED, selectors, bookmarks, timeouts, 410, restart. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { LevelDbStorage } from '../src/storage/index.js';
import { raw } from './http-client.js';
import { openWatch } from './watch-stream.js';
import type { WatchedEvent } from './watch-stream.js';

const CMS = '/api/v1/namespaces/default/configmaps';
const cm = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data });
const names = (evs: WatchedEvent[]): string[] => evs.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`);

async function rvOf(c: TestCluster, path: string): Promise<string> {
  return (await raw(c, 'GET', path)).json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
}

describe('watch', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startTestCluster({ server: { bookmarkIntervalMs: 50, historySize: 50 } });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('resumes exactly after a resourceVersion, in order, each change once', async () => {
    await raw(c, 'POST', CMS, { body: cm('a') });
    await raw(c, 'POST', CMS, { body: cm('b') });
    const rv = await rvOf(c, CMS);
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${rv}`);
    await raw(c, 'PATCH', `${CMS}/a`, { body: '{"data":{"x":"1"}}', contentType: 'application/merge-patch+json' });
    await raw(c, 'DELETE', `${CMS}/b`);
    await raw(c, 'POST', CMS, { body: cm('c') });
    const evs = await w.waitFor((e) => e.length >= 3);
    w.close();
    expect(names(evs)).toEqual(['MODIFIED a', 'DELETED b', 'ADDED c']);
    expect(evs.every((e) => e.object.kind === 'ConfigMap')).toBe(true);
    const rvs = evs.map((e) => Number(e.object.metadata?.resourceVersion));
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs);
  });

  it('starts with synthetic ADDED events from resourceVersion 0, filtered by selectors', async () => {
    await raw(c, 'POST', CMS, { body: cm('sel-1', { tier: 'web' }) });
    await raw(c, 'POST', CMS, { body: cm('sel-2', { tier: 'db' }) });
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=0&labelSelector=tier%3Dweb`);
    await w.waitFor((e) => e.length >= 1);
    // sel-2 starts matching, sel-1 stops matching.
    await raw(c, 'PATCH', `${CMS}/sel-2`, { body: '{"metadata":{"labels":{"tier":"web"}}}', contentType: 'application/merge-patch+json' });
    await raw(c, 'PATCH', `${CMS}/sel-1`, { body: '{"metadata":{"labels":{"tier":"cache"}}}', contentType: 'application/merge-patch+json' });
    const evs = await w.waitFor((e) => e.length >= 3);
    w.close();
    expect(names(evs)).toEqual(['ADDED sel-1', 'ADDED sel-2', 'DELETED sel-1']);
  });

  it('applies field selectors to events', async () => {
    const rv = await rvOf(c, CMS);
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Dpicked`);
    await raw(c, 'POST', CMS, { body: cm('ignored') });
    await raw(c, 'POST', CMS, { body: cm('picked') });
    const evs = await w.waitFor((e) => e.length >= 1);
    w.close();
    expect(names(evs)).toEqual(['ADDED picked']);
  });

  it('sends bookmarks when allowed', async () => {
    const rv = await rvOf(c, CMS);
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true`);
    const evs = await w.waitFor((e) => e.some((x) => x.type === 'BOOKMARK'));
    w.close();
    const bm = evs.find((x) => x.type === 'BOOKMARK');
    expect(bm?.object.kind).toBe('ConfigMap');
    expect(Number(bm?.object.metadata?.resourceVersion)).toBeGreaterThanOrEqual(Number(rv));
  });

  it('ends the stream after timeoutSeconds', async () => {
    const w = await openWatch(c, `${CMS}?watch=true&timeoutSeconds=1`);
    await w.ended;
    expect(w.events.every((e) => e.type === 'ADDED')).toBe(true);
  });

  it('answers a resourceVersion older than the kept history with ERROR 410 Expired', async () => {
    const old = await rvOf(c, CMS);
    for (let i = 0; i < 60; i++) await raw(c, 'POST', CMS, { body: cm(`churn-${i}`) });
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${old}`);
    await w.ended;
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(w.events[0]?.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('sends Table rows when a Table is asked for, headers only on the first event', async () => {
    const rv = await rvOf(c, CMS);
    const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${rv}`, 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
    await raw(c, 'POST', CMS, { body: cm('t1') });
    await raw(c, 'POST', CMS, { body: cm('t2') });
    const evs = await w.waitFor((e) => e.length >= 2);
    w.close();
    expect(evs[0]?.object.kind).toBe('Table');
    expect(Array.isArray(evs[0]?.object.columnDefinitions)).toBe(true);
    expect(evs[1]?.object.columnDefinitions).toBeNull();
    expect((evs[1]?.object.rows?.[0] as { cells: unknown[] }).cells[0]).toBe('t2');
  });
});

describe('watch across a restart', () => {
  it('resumes from a resourceVersion inside the persisted history', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubelab-watch-restart-'));
    try {
      let c = await startTestCluster({ storage: await LevelDbStorage.open(dir) });
      await raw(c, 'POST', CMS, { body: cm('before') });
      const rv = await rvOf(c, CMS);
      await raw(c, 'POST', CMS, { body: cm('after-1') });
      await raw(c, 'PATCH', `${CMS}/before`, { body: '{"data":{"v":"2"}}', contentType: 'application/merge-patch+json' });
      await c.stop();
      c = await startTestCluster({ storage: await LevelDbStorage.open(dir) });
      try {
        const w = await openWatch(c, `${CMS}?watch=true&resourceVersion=${rv}`);
        await raw(c, 'POST', CMS, { body: cm('after-restart') });
        const evs = await w.waitFor((e) => e.length >= 3);
        w.close();
        expect(names(evs)).toEqual(['ADDED after-1', 'MODIFIED before', 'ADDED after-restart']);
      } finally {
        await c.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
