/**
 * The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus, getPhase;
 * status/generate.go): phase, conditions, container statuses, IPs and start time.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from '@kubelab/api';
import { podQosClass, rfc3339 } from '@kubelab/api';
import type { RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';
import type { SyncError } from './container-statuses.js';
import { generateContainerStatus } from './container-statuses.js';

export interface PodStatusInputs {
  pod: Pod;
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
  previous: PodStatus | undefined;
  syncErrors: ReadonlyMap<string, SyncError>;
  isReady(containerId: string): boolean;
  isStarted(containerId: string): boolean;
  hostIp: string;
  now: number;
}

/** getPhase over regular and init container statuses. */
export function podPhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[]): NonNullable<PodStatus['phase']> {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of init) {
    if (s.state?.terminated?.exitCode === 0) continue;
    if (s.state?.terminated) failedInit++;
    else if (s.state?.waiting && s.lastState?.terminated && s.lastState.terminated.exitCode !== 0) failedInit++;
    else pendingInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of regular) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    }
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || failedInit > 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(
  type: string,
  ok: boolean,
  previous: PodCondition[] | undefined,
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = previous?.find((c) => c.type === type);
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as undefined,
    lastTransitionTime: prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now),
  };
  if (!ok && reason) c.reason = reason;
  if (!ok && message) c.message = message;
  return c;
}

export function generatePodStatus(inp: PodStatusInputs): PodStatus {
  const { pod, previous } = inp;
  const spec = pod.spec ?? { containers: [] };
  const byName = (name: string): RuntimeContainer[] => inp.containers.filter((c) => c.name === name);
  const prevStatus = (list: ContainerStatus[] | undefined, name: string): ContainerStatus | undefined =>
    list?.find((s) => s.name === name);
  const initSpecs = spec.initContainers ?? [];
  const initStatuses = initSpecs.map((c) =>
    generateContainerStatus(c, {
      instances: byName(c.name),
      previous: prevStatus(previous?.initContainerStatuses, c.name),
      syncError: inp.syncErrors.get(c.name),
      defaultWaitingReason: 'PodInitializing',
      isReady: inp.isReady,
      isStarted: inp.isStarted,
    }),
  );
  const initDone = initStatuses.every((s) => s.state?.terminated?.exitCode === 0);
  const statuses = (spec.containers ?? []).map((c) =>
    generateContainerStatus(c, {
      instances: byName(c.name),
      previous: prevStatus(previous?.containerStatuses, c.name),
      syncError: inp.syncErrors.get(c.name),
      defaultWaitingReason: initSpecs.length && !initDone ? 'PodInitializing' : 'ContainerCreating',
      isReady: inp.isReady,
      isStarted: inp.isStarted,
    }),
  );
  // Terminal phases never go back (kubelet_pods.go: "pod phase transitioned from terminal").
  let phase = podPhase(pod, initStatuses, statuses);
  if (previous?.phase === 'Succeeded' || previous?.phase === 'Failed') phase = previous.phase;

  const sandbox = [...inp.sandboxes].sort((a, b) => b.attempt - a.attempt)[0];
  const prevConds = previous?.conditions;
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const incompleteInit = initStatuses.filter((s) => s.state?.terminated?.exitCode !== 0).map((s) => s.name);
  const containersReady = unready.length === 0 && phase !== 'Succeeded';
  const notReadyReason = phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = phase === 'Succeeded' ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', sandbox?.state === 'ready', prevConds, inp.now),
    condition('Initialized', incompleteInit.length === 0 || phase === 'Succeeded', prevConds, inp.now, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`),
    condition('Ready', containersReady, prevConds, inp.now, notReadyReason, notReadyMessage),
    condition('ContainersReady', containersReady, prevConds, inp.now, notReadyReason, notReadyMessage),
    condition('PodScheduled', true, prevConds, inp.now),
  ];
  // Conditions the kubelet does not own (DisruptionTarget ...) are kept.
  const owned = new Set(conditions.map((c) => c.type));
  for (const c of prevConds ?? []) if (!owned.has(c.type)) conditions.push(c);

  const status: PodStatus = {
    phase,
    conditions,
    hostIP: inp.hostIp,
    hostIPs: [{ ip: inp.hostIp }],
    startTime: previous?.startTime ?? rfc3339(inp.now),
    containerStatuses: statuses.sort((a, b) => a.name.localeCompare(b.name)),
    qosClass: previous?.qosClass ?? podQosClass(pod),
  };
  if (initStatuses.length) status.initContainerStatuses = initStatuses;
  const ip = sandbox?.ip;
  if (ip) {
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  return status;
}

/** isPodStatusByKubeletEqual: equal apart from condition transition times and ordering. */
export function podStatusEqual(a: PodStatus | undefined, b: PodStatus | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
