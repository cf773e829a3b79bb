/**
 * Figure 2: a pod created through the API already bound to the node (spec.nodeName set, POST
 * from a plain HTTPS client), to phase Running as a watch on the pod sees it. Docker's events
 * split the time: the kubelet's reaction, the runtime's work, and the status report back.
 */
import type { Pod } from '@kubelab/api';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { waitFor } from '../../packages/kubelet/test/harness/wait-for.js';
import type { BenchApiClient } from './kubelet-api-client.js';
import type { DockerEventLog } from './kubelet-docker-events.js';
import { podContainerStarted } from './kubelet-docker-events.js';
import { apiPod, CONTAINER } from './kubelet-manifests.js';
import { noneLeft, podRunning, PodWatch } from './kubelet-pod-watch.js';
import { wallNow } from './kubelet-timing.js';

export interface ApiPodSample {
  /** POST sent → Running seen by the watch. */
  totalMs: number;
  /** POST sent → 201 received. */
  createMs: number;
  /** POST sent → sandbox container created. */
  toSandboxCreateMs: number;
  /** sandbox created → app container started. */
  runtimeMs: number;
  /** app container started → Running seen by the watch. */
  statusMs: number;
}

export async function apiPodStart(
  lab: Lab,
  client: BenchApiClient,
  events: DockerEventLog,
  node: string,
  name: string,
): Promise<ApiPodSample> {
  const watch = new PodWatch(client, 'default');
  await watch.start();
  try {
    const running = watch.until((pods) => podRunning(pods, name), 60_000, `${name} Running`);
    const mark = events.mark();
    const t0 = wallNow();
    await client.expectOk<Pod>('POST', '/api/v1/namespaces/default/pods', apiPod(name, node));
    const created = wallNow();
    const seen = await running;
    const app = await events.waitFor(
      podContainerStarted(name, CONTAINER),
      mark,
      10_000,
      `start of ${name}/${CONTAINER}`,
    );
    const sbCreate =
      events.since(mark, podContainerStarted(name, 'POD', 'create'))[0]?.atMs ?? Number.NaN;
    return {
      totalMs: seen - t0,
      createMs: created - t0,
      toSandboxCreateMs: sbCreate - t0,
      runtimeMs: app.atMs - sbCreate,
      statusMs: seen - app.atMs,
    };
  } finally {
    watch.close();
  }
}

/** Deletes API pods and waits until the API has none of them and Docker runs none of their containers. */
export async function deleteApiPods(
  lab: Lab,
  client: BenchApiClient,
  names: string[],
): Promise<void> {
  const watch = new PodWatch(client, 'default');
  await watch.start();
  try {
    const gone = watch.until(noneLeft(names), 120_000, 'deleted API pods gone');
    for (const n of names) await client.request('DELETE', `/api/v1/namespaces/default/pods/${n}`);
    await gone;
  } finally {
    watch.close();
  }
  const set = new Set(names);
  await waitFor(
    'API pod containers stopped',
    async () =>
      (await lab.containers()).every(
        (c) => !set.has(c.Labels['io.kubernetes.pod.name'] ?? '') || c.State !== 'running',
      ),
    { timeoutMs: 60_000 },
  );
}

/** One unmeasured pod first, then `reps` pods one after another, each deleted after. */
export async function runApiPodStart(
  lab: Lab,
  client: BenchApiClient,
  events: DockerEventLog,
  node: string,
  reps: number,
  log: (m: string) => void,
): Promise<ApiPodSample[]> {
  const out: ApiPodSample[] = [];
  for (let i = -1; i < reps; i++) {
    const name = `bench-api-${i < 0 ? 'warm' : i}`;
    const s = await apiPodStart(lab, client, events, node, name);
    await deleteApiPods(lab, client, [name]);
    log(
      `  ${i < 0 ? 'warm-up' : `rep ${i + 1}/${reps}`}: API pod Running after ${s.totalMs.toFixed(0)} ms (container started at ${(s.totalMs - s.statusMs).toFixed(0)} ms)`,
    );
    if (i >= 0) out.push(s);
  }
  return out;
}
