/**
 * Figure 1: a static pod, from its manifest being renamed into the manifest directory to its
 * app container's `start` event; beside the floor, a raw `docker run -d` of the same image
 * and command (create + start through dockerode, to the same `start` event). Repetitions
 * alternate floor and pod, so both see the same machine.
 */
import type Docker from 'dockerode';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { waitFor } from '../../packages/kubelet/test/harness/wait-for.js';
import type { DockerEventLog } from './kubelet-docker-events.js';
import { podContainerStarted } from './kubelet-docker-events.js';
import {
  COMMAND,
  CONTAINER,
  IMAGE,
  placeManifest,
  removeManifest,
  staticPodName,
  staticPodYaml,
} from './kubelet-manifests.js';
import { wallNow } from './kubelet-timing.js';

export interface StaticStartSample {
  /** rename → app container started. */
  totalMs: number;
  /** rename → sandbox container created (the kubelet noticed and decided). */
  toSandboxCreateMs: number;
  /** sandbox created → started. */
  sandboxStartMs: number;
  /** sandbox started → app container created. */
  toAppCreateMs: number;
  /** app container created → started. */
  appStartMs: number;
}

export interface FloorSample {
  totalMs: number;
  createMs: number;
  startMs: number;
}

export interface StaticStartResult {
  floor: FloorSample[];
  pod: StaticStartSample[];
}

/** `docker run -d` of the image: create + start, timed to Docker's start event. */
export async function dockerRunFloor(
  lab: Lab,
  events: DockerEventLog,
  name: string,
): Promise<FloorSample> {
  const mark = events.mark();
  const t0 = wallNow();
  const c = await lab.docker.createContainer({
    name,
    Image: IMAGE,
    Cmd: COMMAND,
    Labels: { 'io.kubelab.cluster': lab.name, 'io.kubelab.bench': 'floor' },
  });
  await c.start();
  const created = await events.waitFor(
    (e) => e.action === 'create' && e.id === c.id,
    mark,
    30_000,
    `create of ${name}`,
  );
  const started = await events.waitFor(
    (e) => e.action === 'start' && e.id === c.id,
    mark,
    30_000,
    `start of ${name}`,
  );
  await removeFloor(lab.docker, c.id);
  return {
    totalMs: started.atMs - t0,
    createMs: created.atMs - t0,
    startMs: started.atMs - created.atMs,
  };
}

async function removeFloor(docker: Docker, id: string): Promise<void> {
  await docker.getContainer(id).remove({ force: true });
}

export async function staticPodStart(
  lab: Lab,
  events: DockerEventLog,
  node: string,
  name: string,
): Promise<StaticStartSample> {
  const pod = staticPodName(name, node);
  const mark = events.mark();
  const t0 = await placeManifest(lab, node, `${name}.yaml`, staticPodYaml(name));
  const app = await events.waitFor(
    podContainerStarted(pod, CONTAINER),
    mark,
    60_000,
    `start of ${pod}/${CONTAINER}`,
  );
  const at = (action: string, container: string): number =>
    events.since(mark, podContainerStarted(pod, container, action))[0]?.atMs ?? Number.NaN;
  const sbCreate = at('create', 'POD');
  const sbStart = at('start', 'POD');
  const appCreate = at('create', CONTAINER);
  return {
    totalMs: app.atMs - t0,
    toSandboxCreateMs: sbCreate - t0,
    sandboxStartMs: sbStart - sbCreate,
    toAppCreateMs: appCreate - sbStart,
    appStartMs: app.atMs - appCreate,
  };
}

/** Removes the manifest and waits until the pod has no container left running. */
export async function removeStaticPod(lab: Lab, node: string, name: string): Promise<void> {
  await removeManifest(lab, node, `${name}.yaml`);
  const pod = staticPodName(name, node);
  await waitFor(
    `${pod} stopped`,
    async () =>
      (await lab.containers({ 'io.kubernetes.pod.name': pod })).every((c) => c.State !== 'running'),
    { timeoutMs: 60_000 },
  );
}

/**
 * One unmeasured round first (the first pod creates the cluster network and warms caches), then
 * `reps` rounds, alternating which of floor and pod goes first.
 */
export async function runStaticStart(
  lab: Lab,
  events: DockerEventLog,
  node: string,
  reps: number,
  log: (m: string) => void,
): Promise<StaticStartResult> {
  const out: StaticStartResult = { floor: [], pod: [] };
  for (let i = -1; i < reps; i++) {
    const tag = i < 0 ? 'warm' : String(i);
    const floorRun = (): Promise<FloorSample> =>
      dockerRunFloor(lab, events, `${lab.name}-floor-${tag}`);
    const podRun = (): Promise<StaticStartSample> =>
      staticPodStart(lab, events, node, `bench-static-${tag}`);
    let floor: FloorSample;
    let pod: StaticStartSample;
    if (i % 2 === 0) {
      floor = await floorRun();
      pod = await podRun();
    } else {
      pod = await podRun();
      floor = await floorRun();
    }
    await removeStaticPod(lab, node, `bench-static-${tag}`);
    log(
      `  ${i < 0 ? 'warm-up' : `rep ${i + 1}/${reps}`}: docker run ${floor.totalMs.toFixed(0)} ms, static pod ${pod.totalMs.toFixed(0)} ms`,
    );
    if (i < 0) continue;
    out.floor.push(floor);
    out.pod.push(pod);
  }
  return out;
}
