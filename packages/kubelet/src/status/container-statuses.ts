/**
 * Container statuses from runtime instances (kubelet_pods.go convertToAPIContainerStatuses):
 * the newest instance gives state, the one before it lastState; a sync error (image pull,
 * crash-loop backoff, config) turns a stopped container's state into waiting with that reason.
 */
import type { Container, ContainerState, ContainerStatus } from '@kubelab/api';
import { rfc3339 } from '@kubelab/api';
import type { RuntimeContainer } from '../runtime/container-runtime.js';

export interface SyncError {
  reason: string;
  message: string;
}

export interface ContainerStatusInputs {
  /** Instances of this container, any order. */
  instances: RuntimeContainer[];
  /** What was reported last time (for containers that vanished from the runtime). */
  previous: ContainerStatus | undefined;
  syncError: SyncError | undefined;
  /** The reason a container that never ran is waiting: ContainerCreating or PodInitializing. */
  defaultWaitingReason: string;
  isReady(containerId: string): boolean;
  isStarted(containerId: string): boolean;
}

export const CONTAINER_STATUS_UNKNOWN_MESSAGE =
  'The container could not be located when the pod was terminated';

export function containerId(id: string): string {
  return `docker://${id}`;
}

export function terminatedState(c: RuntimeContainer): ContainerState {
  const t: NonNullable<ContainerState['terminated']> = {
    exitCode: c.exitCode ?? (c.state === 'created' ? 128 : 0),
    reason: c.reason ?? (c.exitCode === 0 ? 'Completed' : 'Error'),
    startedAt: c.startedAt ? rfc3339(c.startedAt) : undefined,
    finishedAt: c.finishedAt ? rfc3339(c.finishedAt) : undefined,
    containerID: containerId(c.id),
  };
  if (c.message) t.message = c.message;
  if (!t.startedAt) delete t.startedAt;
  if (!t.finishedAt) delete t.finishedAt;
  return { terminated: t };
}

function stateOf(c: RuntimeContainer): ContainerState {
  if (c.state === 'running') return { running: { startedAt: rfc3339(c.startedAt ?? c.createdAt) } };
  if (c.state === 'exited') return terminatedState(c);
  if (c.state === 'created') return { waiting: { reason: 'ContainerCreating' } };
  return { waiting: { reason: 'ContainerCreating' } };
}

export function generateContainerStatus(spec: Container, inp: ContainerStatusInputs): ContainerStatus {
  const sorted = [...inp.instances].sort((a, b) => b.attempt - a.attempt || b.createdAt - a.createdAt);
  const cur = sorted[0];
  const prev = sorted[1];
  const status: ContainerStatus = {
    name: spec.name,
    image: spec.image ?? '',
    imageID: cur?.imageId ?? '',
    ready: false,
    restartCount: cur?.attempt ?? inp.previous?.restartCount ?? 0,
    started: false,
    state: {},
    lastState: {},
  };
  if (cur) status.containerID = containerId(cur.id);
  if (!cur) {
    status.state = { waiting: { reason: inp.defaultWaitingReason } };
    // A running container that disappeared from the runtime (docker rm -f).
    const was = inp.previous;
    if (was?.state?.running || was?.state?.terminated || was?.lastState?.terminated) {
      status.lastState = was.state?.running
        ? { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: CONTAINER_STATUS_UNKNOWN_MESSAGE, startedAt: was.state.running.startedAt, finishedAt: undefined, containerID: was.containerID } }
        : was.state?.terminated
          ? { terminated: was.state.terminated }
          : (was.lastState ?? {});
      const t = status.lastState.terminated;
      if (t && t.finishedAt === undefined) delete t.finishedAt;
      status.restartCount = was.restartCount;
    }
  } else {
    status.state = stateOf(cur);
    if (cur.state === 'running') {
      status.started = inp.isStarted(cur.id);
      status.ready = status.started && inp.isReady(cur.id);
    }
    if (prev && prev.state !== 'running') status.lastState = terminatedState(prev);
  }
  if (inp.syncError && cur?.state !== 'running') {
    if (cur && cur.state !== 'created') status.lastState = terminatedState(cur);
    status.state = { waiting: { reason: inp.syncError.reason, message: inp.syncError.message } };
  }
  return status;
}
