/** An independent real client, @kubernetes/client-node 1.4.0: list, watch, informer, conflicts. */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';

let c: TestCluster;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;

beforeAll(async () => {
  c = await startTestCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(c.identities.admin.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
});
afterAll(async () => {
  await c?.stop();
});

const cm = (name: string, data: Record<string, string>): k8s.V1ConfigMap => ({ metadata: { name }, data });

describe('@kubernetes/client-node', () => {
  it('creates and lists with a list resourceVersion', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('a', { x: '1' }) });
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('b', { x: '2' }) });
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['a', 'b']);
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThan(0);
  });

  it('watches from a resourceVersion and sees only later changes', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    let resolveSeen: () => void = () => {};
    const seen = new Promise<void>((r) => (resolveSeen = r));
    const req = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, obj: k8s.V1ConfigMap) => {
        events.push(`${type} ${obj.metadata?.name ?? ''}`);
        if (events.length === 2) resolveSeen();
      },
      () => {},
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('c', { x: '3' }) });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'a' });
    await seen;
    req.abort();
    expect(events).toEqual(['ADDED c', 'DELETED a']);
  });

  it('keeps an informer cache in sync', async () => {
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () =>
      core.listNamespacedConfigMap({ namespace: 'default' }),
    );
    const updates: string[] = [];
    let resolveUpdated: () => void = () => {};
    const updated = new Promise<void>((r) => (resolveUpdated = r));
    informer.on('update', (obj) => {
      updates.push(`${obj.metadata?.name ?? ''}=${obj.data?.x ?? ''}`);
      resolveUpdated();
    });
    await informer.start();
    expect(informer.list('default').map((o) => o.metadata?.name).sort()).toEqual(['b', 'c']);
    await core.patchNamespacedConfigMap({ namespace: 'default', name: 'b', body: { data: { x: '20' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await updated;
    expect(updates).toEqual(['b=20']);
    expect(informer.get('b', 'default')?.data?.x).toBe('20');
    await informer.stop();
  });

  it('gets 409 Conflict for a stale replace', async () => {
    const b = await core.readNamespacedConfigMap({ namespace: 'default', name: 'b' });
    await core.replaceNamespacedConfigMap({ namespace: 'default', name: 'b', body: { ...b, data: { x: 'new' } } });
    const err = await core
      .replaceNamespacedConfigMap({ namespace: 'default', name: 'b', body: { ...b, data: { x: 'stale' } } })
      .then(() => undefined, (e: unknown) => e as { code?: number; body?: string });
    expect(err?.code).toBe(409);
    expect(JSON.parse(String(err?.body))).toMatchObject({ reason: 'Conflict' });
  });
});
