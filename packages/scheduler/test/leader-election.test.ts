import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findResource, type Lease } from '@kubelab/api';
import { SchedulerCluster, podManifest, type RunningScheduler } from './helpers/scheduler-cluster.js';

const WAIT = { timeout: 20_000, interval: 50 };
const FAST = ['--leader-elect=true', '--leader-elect-lease-duration=4s', '--leader-elect-renew-deadline=3s', '--leader-elect-retry-period=500ms', '-v=4'];
let c: SchedulerCluster;

beforeAll(async () => {
  c = await SchedulerCluster.start();
  await c.addNode({ name: 'n1' });
  await c.addNode({ name: 'n2' });
});
afterAll(() => c.stop());

const bound = (s: RunningScheduler): number => s.stderr().split('\n').filter((l) => l.includes('"Successfully bound pod to node"')).length;

async function lease(): Promise<Lease> {
  const info = findResource('coordination.k8s.io', 'v1', 'leases');
  if (!info) throw new Error('no leases');
  return c.rest.resource<Lease>(info, 'kube-system').get('kube-scheduler');
}

async function createPods(prefix: string, n: number) {
  const items = Array.from({ length: n }, (_, i) => podManifest(`${prefix}-${i}`, { labels: { app: prefix } }));
  const r = await c.kubectl(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  expect(r.stderr).toBe('');
}

async function allBound(prefix: string, n: number) {
  await vi.waitFor(async () => {
    const pods = await c.pods().list({ labelSelector: `app=${prefix}` });
    expect(pods.items.filter((p) => p.spec?.nodeName)).toHaveLength(n);
  }, WAIT);
}

describe('kube-scheduler leader election', () => {
  it('lets only the leader schedule, and hands over when it stops', async () => {
    const a = await c.startScheduler(FAST);
    await vi.waitFor(() => expect(a.stderr()).toContain('"successfully acquired lease kube-system/kube-scheduler"'), WAIT);
    const b = await c.startScheduler(FAST);
    await vi.waitFor(() => expect(b.stderr()).toContain('"attempting to acquire leader lease kube-system/kube-scheduler..."'), WAIT);

    const first = await lease();
    expect(first.spec?.holderIdentity).toMatch(new RegExp(`^${hostname()}_[0-9a-f-]{36}$`));
    expect(first.spec).toMatchObject({ leaseDurationSeconds: 4, leaseTransitions: 0 });
    expect(first.spec?.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    await createPods('first', 10);
    await allBound('first', 10);
    expect(bound(a)).toBe(10);
    expect(bound(b)).toBe(0);
    expect(b.stderr()).not.toContain('successfully acquired lease');

    const events = await c.kubectl(['get', 'events', '-n', 'kube-system', '--field-selector', 'reason=LeaderElection', '-o', 'jsonpath={range .items[*]}{.source.component}|{.message}{"\\n"}{end}']);
    expect(events.stdout).toContain(`default-scheduler|${first.spec?.holderIdentity ?? ''} became leader`);

    expect(await a.stop()).toBe(0);
    expect(a.stderr()).toContain('"Requested to terminate, exiting"');
    await vi.waitFor(() => expect(b.stderr()).toContain('"successfully acquired lease kube-system/kube-scheduler"'), WAIT);
    const second = await lease();
    expect(second.spec?.holderIdentity).not.toBe(first.spec?.holderIdentity);
    expect(second.spec?.leaseTransitions).toBe(1);

    await createPods('second', 5);
    await allBound('second', 5);
    expect(bound(b)).toBe(5);
  });
});
