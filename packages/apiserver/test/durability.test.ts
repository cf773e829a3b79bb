/**
 * A kube-apiserver process SIGKILLed in the middle of a write burst loses no acknowledged write,
 * and resourceVersions keep increasing after the restart.
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiServerProcess } from './apiserver-process.js';
import { createApiServerProcess } from './apiserver-process.js';

let p: ApiServerProcess | undefined;

afterAll(async () => {
  await p?.kill();
  if (p) await rm(p.dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every acknowledged write across SIGKILL', async () => {
    p = await createApiServerProcess();
    await p.start();
    const proc = p;
    const acked = new Map<string, number>();
    let killed = false;
    const killAfter = 300;
    let seq = 0;
    let resolveKilled: () => void = () => {};
    const killedPromise = new Promise<void>((r) => (resolveKilled = r));
    const writer = async (): Promise<void> => {
      while (!killed) {
        const name = `cm-${seq++}`;
        try {
          const r = await proc.request('POST', '/api/v1/namespaces/default/configmaps', {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name },
            data: { n: name },
          });
          if (r.status === 201) {
            acked.set(name, Number((JSON.parse(r.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion));
            if (acked.size >= killAfter && !killed) {
              killed = true;
              await proc.kill('SIGKILL');
              resolveKilled();
            }
          }
        } catch {
          // connection reset by the kill: that write was not acknowledged.
        }
      }
    };
    await Promise.all([...Array.from({ length: 8 }, writer), killedPromise]);
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);

    await p.start();
    const list = await p.request('GET', '/api/v1/namespaces/default/configmaps');
    const items = (JSON.parse(list.body) as { items: { metadata: { name: string; resourceVersion: string } }[] }).items;
    const stored = new Map(items.map((i) => [i.metadata.name, Number(i.metadata.resourceVersion)]));
    const missing = [...acked.keys()].filter((k) => !stored.has(k));
    expect(missing).toEqual([]);
    for (const [name, rv] of acked) expect(stored.get(name)).toBe(rv);

    const after = await p.request('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-restart' } });
    expect(after.status).toBe(201);
    const rvAfter = Number((JSON.parse(after.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
    expect(rvAfter).toBeGreaterThan(Math.max(...acked.values()));
  });
});
