/**
 * What a sync of a pod must do to the runtime (kuberuntime_manager.go computePodActions): a new
 * sandbox when there is none ready, the next init container, which containers to start or
 * restart under the restart policy, and which to kill (spec changed, liveness failed). Pure.
 */
import type { Container, Pod } from '@kubelab/api';
import type { RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';

export interface PodActionInputs {
  pod: Pod;
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
  /** Desired spec hash per container name. */
  hashes: ReadonlyMap<string, string>;
  /** Container instances a liveness or startup probe declared unhealthy. */
  unhealthy: ReadonlyMap<string, string>;
  /** restartCount last reported per container name (for instances that vanished). */
  lastRestartCounts: ReadonlyMap<string, number>;
}

export interface ContainerToStart {
  name: string;
  attempt: number;
  init: boolean;
  /** When the previous instance finished: the start waits for its backoff. */
  previousFinishedAt: number | undefined;
}

export interface ContainerToKill {
  id: string;
  name: string;
  message: string;
}

export interface PodActions {
  createSandbox: boolean;
  sandboxAttempt: number;
  /** Kill every container and the sandbox before anything else. */
  killPod: boolean;
  /** Why the sandbox is (re)created, for the SandboxChanged event. */
  sandboxChanged: boolean;
  containersToStart: ContainerToStart[];
  containersToKill: ContainerToKill[];
  /** An init container failed under restartPolicy Never: the pod has failed. */
  podFailed: boolean;
}

export function latestInstance(containers: RuntimeContainer[], name: string): RuntimeContainer | undefined {
  let best: RuntimeContainer | undefined;
  for (const c of containers) {
    if (c.name !== name) continue;
    if (!best || c.attempt > best.attempt || (c.attempt === best.attempt && c.createdAt > best.createdAt)) best = c;
  }
  return best;
}

function nextAttempt(inp: PodActionInputs, name: string, latest: RuntimeContainer | undefined): number {
  if (latest) return latest.attempt + 1;
  const last = inp.lastRestartCounts.get(name);
  return last === undefined ? 0 : last + 1;
}

/** ShouldContainerBeRestarted: whether a container whose newest instance is `latest` runs again. */
export function shouldRestart(pod: Pod, latest: RuntimeContainer | undefined): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  // Never started here (or every old instance was removed): start it.
  if (!latest) return true;
  if (latest.state === 'running') return false;
  if (latest.state === 'unknown' || latest.state === 'created') return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' && latest.exitCode === 0) return false;
  return true;
}

function sandboxNeeds(pod: Pod, sandboxes: RuntimeSandbox[]): { create: boolean; attempt: number; changed: boolean } {
  if (sandboxes.length === 0) return { create: true, attempt: 0, changed: false };
  const latest = [...sandboxes].sort((a, b) => b.attempt - a.attempt || b.createdAt - a.createdAt)[0] as RuntimeSandbox;
  const ready = sandboxes.filter((s) => s.state === 'ready');
  const hostNetwork = pod.spec?.hostNetwork ?? false;
  if (ready.length !== 1 || latest.state !== 'ready' || latest.hostNetwork !== hostNetwork) {
    return { create: true, attempt: latest.attempt + 1, changed: true };
  }
  return { create: false, attempt: latest.attempt, changed: false };
}

export function computePodActions(inp: PodActionInputs): PodActions {
  const { pod } = inp;
  const spec = pod.spec ?? { containers: [] };
  const actions: PodActions = {
    createSandbox: false,
    sandboxAttempt: 0,
    killPod: false,
    sandboxChanged: false,
    containersToStart: [],
    containersToKill: [],
    podFailed: false,
  };
  const start = (c: Container, init: boolean): void => {
    const latest = latestInstance(inp.containers, c.name);
    actions.containersToStart.push({
      name: c.name,
      attempt: nextAttempt(inp, c.name, latest),
      init,
      previousFinishedAt: latest && latest.state !== 'running' ? (latest.finishedAt ?? latest.createdAt) : undefined,
    });
  };
  const policy = spec.restartPolicy ?? 'Always';

  const sb = sandboxNeeds(pod, inp.sandboxes);
  if (sb.create) {
    if (policy !== 'Always' && sb.attempt !== 0 && inp.containers.length > 0) {
      // "Should not restart pod because it has been run before": leave it as it is.
      const regularDone = (spec.containers ?? []).every((c) => {
        const l = latestInstance(inp.containers, c.name);
        return l && l.state === 'exited' && (policy === 'Never' || l.exitCode === 0);
      });
      if (policy === 'Never' || regularDone) return actions;
    }
    actions.createSandbox = true;
    actions.sandboxAttempt = sb.attempt;
    actions.sandboxChanged = sb.changed;
    actions.killPod = inp.sandboxes.length > 0 || inp.containers.some((c) => c.state === 'running');
    const firstInit = spec.initContainers?.[0];
    if (firstInit) start(firstInit, true);
    else {
      for (const c of spec.containers ?? []) {
        const l = latestInstance(inp.containers, c.name);
        if (!l || policy === 'Always' || (policy === 'OnFailure' && l.exitCode !== 0)) start(c, false);
      }
    }
    return actions;
  }
  actions.sandboxAttempt = sb.attempt;

  // Init containers, one at a time, in order.
  for (const c of spec.initContainers ?? []) {
    const l = latestInstance(inp.containers, c.name);
    if (!l) {
      start(c, true);
      return actions;
    }
    if (l.state === 'running') return actions;
    if (l.state === 'exited' && l.exitCode === 0) continue;
    if (policy === 'Never') {
      actions.podFailed = true;
      actions.killPod = inp.containers.some((x) => x.state === 'running');
      return actions;
    }
    start(c, true);
    return actions;
  }

  let keep = 0;
  for (const c of spec.containers ?? []) {
    const l = latestInstance(inp.containers, c.name);
    if (!l || l.state !== 'running') {
      if (shouldRestart(pod, l)) start(c, false);
      continue;
    }
    const want = inp.hashes.get(c.name);
    const why =
      want !== undefined && l.hash && l.hash !== want
        ? `Container ${c.name} definition changed, will be restarted`
        : inp.unhealthy.get(l.id);
    if (why !== undefined) {
      actions.containersToKill.push({ id: l.id, name: c.name, message: why });
      if (policy !== 'Never') start(c, false);
      continue;
    }
    keep++;
  }
  if (keep === 0 && actions.containersToStart.length === 0 && actions.containersToKill.length === 0) {
    // Nothing runs and nothing will: stop the sandbox too.
    actions.killPod = inp.sandboxes.some((s) => s.state === 'ready');
  }
  return actions;
}
