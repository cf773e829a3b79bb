import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../src/testing/index.js';
import { raw } from './http-client.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const COUNT = 600;

/** Long lists are written in chunks as the socket drains; short ones in one body. Both read the same. */
describe('long lists', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startTestCluster();
    for (let i = 0; i < COUNT; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const name = `p-${String(i + j).padStart(4, '0')}`;
          const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { batch: String(Math.floor((i + j) / 300)) } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };
          return raw(c, 'POST', '/api/v1/namespaces/default/pods', { body: JSON.stringify(pod) });
        }),
      );
    }
  });
  afterAll(() => c.stop());

  it('a JSON list of 600 pods has every item, in key order, with the list metadata', async () => {
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/pods');
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBeUndefined();
    const list = r.json<{ kind: string; metadata: { resourceVersion: string }; items: { metadata: { name: string } }[] }>();
    expect(list.kind).toBe('PodList');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items.map((p) => p.metadata.name)).toEqual(Array.from({ length: COUNT }, (_, i) => `p-${String(i).padStart(4, '0')}`));
  });

  it('a Table of 600 pods has the columns and a row per pod with its metadata', async () => {
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/pods', { accept: TABLE });
    expect(r.status).toBe(200);
    const table = r.json<{ kind: string; columnDefinitions: { name: string }[]; rows: { cells: unknown[]; object: { kind: string; metadata: { name: string } } }[] }>();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((col) => col.name).slice(0, 5)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(table.rows).toHaveLength(COUNT);
    expect(table.rows[599]?.cells.slice(0, 3)).toEqual(['p-0599', '0/1', 'Pending']);
    expect(table.rows[0]?.object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'p-0000' } });
  });

  it('a short Table page keeps its continue token and remaining count', async () => {
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/pods?limit=100', { accept: TABLE });
    const table = r.json<{ metadata: { continue?: string; remainingItemCount?: number }; rows: unknown[] }>();
    expect(table.rows).toHaveLength(100);
    expect(table.metadata.continue).toBeTruthy();
    expect(table.metadata.remainingItemCount).toBe(COUNT - 100);
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(r.body)));
  });

  it('a long list filtered by a label selector streams only the matches', async () => {
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/pods?labelSelector=batch%3D1', { accept: TABLE });
    expect(r.json<{ rows: unknown[] }>().rows).toHaveLength(300);
  });
});
