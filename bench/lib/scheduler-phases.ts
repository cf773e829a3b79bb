/**
 * The scheduler benchmark's phases, each timed on its own:
 *  - raw binding writes: pods bound by a plain client, 16 requests in flight on keep-alive
 *    connections, no scheduler (to a node that is not registered, so the scheduler never counts
 *    them);
 *  - backlog: 1,000 pending pods already in the scheduler's queue when it starts leading; time
 *    until the last binding has succeeded;
 *  - Deployment-like batch: a ReplicaSet's 1,000 pods created (16 in flight) while the scheduler
 *    runs; time from the first create to the last binding.
 */
import { resourcePath, type EventObject, type EventRecorder, type EventType, type Pod, type ReplicaSet } from '@kubelab/api';
import type { SchedulerApp } from '../../packages/scheduler/src/app/scheduler-app.js';
import { processCpuMs } from './load-process-stats.js';
import { createNamespace, resourceInfo, type BenchCluster } from './scheduler-cluster.js';
import { inParallel } from './scheduler-parallel.js';

export interface PhaseResult {
  name: string;
  pods: number;
  ms: number;
  /** API server CPU over the phase. */
  serverCpuMs: number;
  /** This process's CPU over the phase (the scheduler's, or the raw client's). */
  selfCpuMs: number;
}

const CONCURRENCY = 16;

export function podObject(name: string, namespace: string, o: { labels?: Record<string, string>; schedulerName?: string; owner?: ReplicaSet } = {}): Pod {
  const meta: NonNullable<Pod['metadata']> = { name, namespace, labels: o.labels ?? { app: 'bench' } };
  if (o.owner) {
    meta.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner.metadata?.name ?? '', uid: o.owner.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true },
    ];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec: {
      ...(o.schedulerName ? { schedulerName: o.schedulerName } : {}),
      containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
    },
  };
}

async function createPods(c: BenchCluster, pods: Pod[]): Promise<void> {
  const ns = pods[0]?.metadata?.namespace ?? 'default';
  const client = c.resource<Pod>('', 'pods', ns);
  await inParallel(pods.length, CONCURRENCY, (i) => client.create(pods[i] as Pod));
}

async function timed(c: BenchCluster, name: string, pods: number, body: () => Promise<void>): Promise<PhaseResult> {
  const cpu0 = processCpuMs(c.server.pid);
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  await body();
  const ms = performance.now() - t0;
  const self = process.cpuUsage(self0);
  return { name, pods, ms, serverCpuMs: processCpuMs(c.server.pid) - cpu0, selfCpuMs: (self.user + self.system) / 1000 };
}

export async function rawBindings(c: BenchCluster, count: number): Promise<PhaseResult> {
  const ns = 'bench-raw';
  await createNamespace(c, ns);
  await createPods(c, Array.from({ length: count }, (_, i) => podObject(`raw-${i}`, ns, { schedulerName: 'bench-nobody' })));
  const pods = resourceInfo('', 'pods');
  return timed(c, 'raw binding writes (no scheduler)', count, () =>
    inParallel(count, CONCURRENCY, (i) =>
      c.rest.request({
        method: 'POST',
        path: resourcePath(pods, { namespace: ns, name: `raw-${i}`, subresource: 'binding' }),
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: `raw-${i}`, namespace: ns }, target: { kind: 'Node', name: 'unregistered-node' } },
      }),
    ),
  );
}

/** Forwards events to the real recorder and counts Scheduled ones (each follows a successful binding). */
export class CountingRecorder implements EventRecorder {
  scheduled = 0;
  failed = 0;
  private waiters: { n: number; resolve: () => void }[] = [];

  constructor(private readonly inner: EventRecorder) {}

  event(object: EventObject, type: EventType, reason: string, message: string): void {
    this.inner.event(object, type, reason, message);
    if (reason === 'FailedScheduling') this.failed++;
    if (reason !== 'Scheduled') return;
    this.scheduled++;
    for (const w of this.waiters.filter((x) => this.scheduled >= x.n)) w.resolve();
    this.waiters = this.waiters.filter((x) => this.scheduled < x.n);
  }

  /** Resolves once `n` pods in total have been bound. */
  boundAtLeast(n: number): Promise<void> {
    if (this.scheduled >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  stop(): void {
    this.inner.stop();
  }
}

async function until(cond: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function backlog(c: BenchCluster, app: SchedulerApp, recorder: CountingRecorder, count: number, signal: AbortSignal): Promise<{ phase: PhaseResult; running: Promise<void> }> {
  const ns = 'bench-backlog';
  await createNamespace(c, ns);
  await createPods(c, Array.from({ length: count }, (_, i) => podObject(`pending-${i}`, ns)));
  await until(() => app.scheduler.queue.pending().active >= count, `${count} pods in the scheduling queue`);
  let running: Promise<void> = Promise.resolve();
  const phase = await timed(c, `scheduler: ${count} pending pods, start to last bound`, count, async () => {
    running = app.run(signal);
    await recorder.boundAtLeast(count);
  });
  return { phase, running };
}

export async function deploymentBatch(c: BenchCluster, recorder: CountingRecorder, count: number): Promise<PhaseResult> {
  const ns = 'bench-deploy';
  await createNamespace(c, ns);
  const labels = { app: 'web', 'pod-template-hash': '5d8f7c9b4' };
  const rs = await c.resource<ReplicaSet>('apps', 'replicasets', ns).create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d8f7c9b4', namespace: ns, labels },
    spec: { replicas: count, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podObject('x', ns).spec as NonNullable<Pod['spec']> } },
  });
  const before = recorder.scheduled;
  return timed(c, `Deployment-like batch: ${count} pods, first create to last bound`, count, async () => {
    await createPods(c, Array.from({ length: count }, (_, i) => podObject(`web-5d8f7c9b4-${i.toString(36).padStart(5, '0')}`, ns, { labels, owner: rs })));
    await recorder.boundAtLeast(before + count);
  });
}
