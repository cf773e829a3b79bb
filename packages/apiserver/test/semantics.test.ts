/** Write semantics: generateName, finalizers and propagation, deletecollection, binding, scale, status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { raw } from './http-client.js';

let c: TestCluster;
const PODS = '/api/v1/namespaces/default/pods';
const CMS = '/api/v1/namespaces/default/configmaps';
const pod = (meta: Record<string, unknown>, spec: Record<string, unknown> = {}): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } });

beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => {
  await c?.stop();
});

describe('object lifecycle', () => {
  it('generates names from generateName', async () => {
    const r = await raw(c, 'POST', PODS, { body: pod({ generateName: 'web-' }) });
    expect(r.status).toBe(201);
    const m = r.json<{ metadata: { name: string; uid: string; creationTimestamp: string; resourceVersion: string } }>().metadata;
    expect(m.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(m.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(m.resourceVersion)).toBeGreaterThan(0);
  });

  it('records the propagation policy as a finalizer and deletes once finalizers are gone', async () => {
    await raw(c, 'POST', CMS, { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fg' } }) });
    const del = await raw(c, 'DELETE', `${CMS}/fg`, { body: '{"propagationPolicy":"Foreground"}' });
    expect(del.status).toBe(200);
    const marked = await raw(c, 'GET', `${CMS}/fg`);
    const meta = marked.json<{ metadata: { finalizers: string[]; deletionTimestamp: string } }>().metadata;
    expect(meta.finalizers).toEqual(['foregroundDeletion']);
    expect(meta.deletionTimestamp).toBeDefined();
    const p = await raw(c, 'PATCH', `${CMS}/fg`, { body: '{"metadata":{"finalizers":null}}', contentType: 'application/merge-patch+json' });
    expect(p.status).toBe(200);
    expect((await raw(c, 'GET', `${CMS}/fg`)).status).toBe(404);
  });

  it('refuses a delete whose preconditions do not hold', async () => {
    await raw(c, 'POST', CMS, { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'pre' } }) });
    const r = await raw(c, 'DELETE', `${CMS}/pre`, { body: '{"preconditions":{"uid":"not-it"}}' });
    expect(r.status).toBe(409);
    expect(r.json<{ message: string }>().message).toMatch(/^Operation cannot be fulfilled on configmaps "pre": Precondition failed: UID in precondition: not-it, UID in object meta: /);
    expect((await raw(c, 'GET', `${CMS}/pre`)).status).toBe(200);
  });

  it('deletes a collection by label', async () => {
    for (const n of ['dc-1', 'dc-2', 'dc-keep']) {
      await raw(c, 'POST', CMS, { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, labels: { sweep: n === 'dc-keep' ? 'no' : 'yes' } } }) });
    }
    const r = await raw(c, 'DELETE', `${CMS}?labelSelector=sweep%3Dyes`);
    expect(r.status).toBe(200);
    const left = (await raw(c, 'GET', `${CMS}?labelSelector=sweep`)).json<{ items: { metadata: { name: string } }[] }>().items;
    expect(left.map((i) => i.metadata.name)).toEqual(['dc-keep']);
  });

  it('binds a pod once, sets PodScheduled, and refuses a second binding', async () => {
    await raw(c, 'POST', PODS, { body: pod({ name: 'tobind' }) });
    const b = await raw(c, 'POST', `${PODS}/tobind/binding`, {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'tobind' }, target: { kind: 'Node', name: 'node1' } }),
    });
    expect(b.status).toBe(201);
    expect(b.json()).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const p = (await raw(c, 'GET', `${PODS}/tobind`)).json<{ spec: { nodeName: string }; status: { conditions: { type: string; status: string }[] } }>();
    expect(p.spec.nodeName).toBe('node1');
    expect(p.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    const again = await raw(c, 'POST', `${PODS}/tobind/binding`, {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'tobind' }, target: { kind: 'Node', name: 'node2' } }),
    });
    expect(again.status).toBe(409);
    expect(again.json<{ message: string }>().message).toBe('Operation cannot be fulfilled on pods/binding "tobind": pod tobind is already assigned to node "node1"');
  });

  it('writes status only through the status subresource', async () => {
    const cur = (await raw(c, 'GET', `${PODS}/tobind`)).json<Record<string, unknown> & { status: Record<string, unknown> }>();
    const viaMain = await raw(c, 'PUT', `${PODS}/tobind`, { body: JSON.stringify({ ...cur, status: { ...cur.status, phase: 'Running' } }) });
    expect(viaMain.status).toBe(200);
    expect(viaMain.json<{ status: { phase: string } }>().status.phase).toBe('Pending');
    const viaStatus = await raw(c, 'PATCH', `${PODS}/tobind/status`, { body: '{"status":{"phase":"Running","podIP":"10.244.0.5"}}', contentType: 'application/merge-patch+json' });
    expect(viaStatus.status).toBe(200);
    expect(viaStatus.json<{ status: { phase: string; podIP: string } }>().status).toMatchObject({ phase: 'Running', podIP: '10.244.0.5' });
  });

  it('keeps a bound pod until a zero grace delete, then emits DELETED', async () => {
    const del = await raw(c, 'DELETE', `${PODS}/tobind`);
    expect(del.status).toBe(200);
    const m = del.json<{ metadata: { deletionTimestamp: string; deletionGracePeriodSeconds: number } }>().metadata;
    expect(m.deletionGracePeriodSeconds).toBe(30);
    expect((await raw(c, 'GET', `${PODS}/tobind`)).status).toBe(200);
    const now = await raw(c, 'DELETE', `${PODS}/tobind`, { body: '{"gracePeriodSeconds":0}' });
    expect(now.status).toBe(200);
    expect((await raw(c, 'GET', `${PODS}/tobind`)).status).toBe(404);
  });

  it('evicts a pod through pods/eviction', async () => {
    await raw(c, 'POST', PODS, { body: pod({ name: 'evictme' }) });
    const r = await raw(c, 'POST', `${PODS}/evictme/eviction`, {
      body: JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'evictme', namespace: 'default' } }),
    });
    expect(r.status).toBe(201);
    expect((await raw(c, 'GET', `${PODS}/evictme`)).status).toBe(404);
  });

  it('serves Scale for deployments', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'sc' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'sc' } }, template: { metadata: { labels: { app: 'sc' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    };
    expect((await raw(c, 'POST', '/apis/apps/v1/namespaces/default/deployments', { body: JSON.stringify(dep) })).status).toBe(201);
    const s = await raw(c, 'GET', '/apis/apps/v1/namespaces/default/deployments/sc/scale');
    expect(s.json()).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=sc' } });
    const bad = await raw(c, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/sc/scale', { body: '{"spec":{"replicas":-1}}', contentType: 'application/merge-patch+json' });
    expect(bad.status).toBe(422);
  });

  it('lets a status write change annotations but not spec or labels (deployment status strategy)', async () => {
    const d = (await raw(c, 'GET', '/apis/apps/v1/namespaces/default/deployments/sc')).json<Record<string, unknown> & { metadata: Record<string, unknown> }>();
    const body = { ...d, metadata: { ...d.metadata, labels: { changed: 'yes' }, annotations: { 'deployment.kubernetes.io/revision': '1' } }, spec: { replicas: 9 }, status: { observedGeneration: 1, replicas: 2 } };
    const r = await raw(c, 'PUT', '/apis/apps/v1/namespaces/default/deployments/sc/status', { body: JSON.stringify(body) });
    expect(r.status).toBe(200);
    const got = r.json<{ metadata: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: { replicas: number }; status: { replicas: number } }>();
    expect(got.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(got.metadata.labels?.changed).toBeUndefined();
    expect(got.spec.replicas).toBe(2);
    expect(got.status.replicas).toBe(2);
  });

  it('numbers DaemonSet template generations in the deprecated annotation', async () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
    };
    const created = await raw(c, 'POST', '/apis/apps/v1/namespaces/default/daemonsets', { body: JSON.stringify(ds) });
    expect(created.json<{ metadata: { annotations: Record<string, string> } }>().metadata.annotations['deprecated.daemonset.template.generation']).toBe('1');
    const patched = await raw(c, 'PATCH', '/apis/apps/v1/namespaces/default/daemonsets/agent', {
      body: '{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:latest"}]}}}}',
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(patched.json<{ metadata: { annotations: Record<string, string> } }>().metadata.annotations['deprecated.daemonset.template.generation']).toBe('2');
  });

  it('refuses deleting an immortal namespace and terminates others', async () => {
    const d = await raw(c, 'DELETE', '/api/v1/namespaces/default');
    expect(d.status).toBe(403);
    expect(d.json<{ message: string }>().message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    await raw(c, 'POST', '/api/v1/namespaces', { body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } }) });
    const del = await raw(c, 'DELETE', '/api/v1/namespaces/doomed');
    expect(del.json<{ status: { phase: string } }>().status.phase).toBe('Terminating');
    const refused = await raw(c, 'POST', '/api/v1/namespaces/doomed/configmaps', { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } }) });
    expect(refused.status).toBe(403);
    expect(refused.json<{ message: string }>().message).toBe('configmaps "late" is forbidden: unable to create new content in namespace doomed because it is being terminated');
  });
});
