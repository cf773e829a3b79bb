/**
 * Which container instance /containerLogs reads, from the pod status (kubelet_pods.go
 * validateContainerLogStatus): the last terminated one for previous=true, else the running or
 * terminated current one, else the last terminated one; a waiting container has no logs yet.
 * The error texts are the ones kubectl shows as `Error from server (BadRequest): ...`.
 */
import type { ContainerStatus, PodStatus } from '@kubelab/api';

export type LogInstance = { containerId: string; current: boolean } | { error: string };

function findStatus(status: PodStatus, name: string): ContainerStatus | undefined {
  const lists = [status.containerStatuses, status.initContainerStatuses, status.ephemeralContainerStatuses];
  for (const list of lists) {
    const found = list?.find((c) => c.name === name);
    if (found) return found;
  }
  return undefined;
}

export function validateContainerLogStatus(
  podName: string,
  status: PodStatus,
  containerName: string,
  previous: boolean,
): LogInstance {
  const q = (s: string): string => JSON.stringify(s);
  const cs = findStatus(status, containerName);
  if (!cs) return { error: `container ${q(containerName)} in pod ${q(podName)} is not available` };
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  const isTerminated = `container ${q(containerName)} in pod ${q(podName)} is terminated`;
  if (previous) {
    if (!last?.containerID) return { error: `previous terminated container ${q(containerName)} in pod ${q(podName)} not found` };
    return { containerId: last.containerID, current: false };
  }
  if (running) return { containerId: cs.containerID ?? '', current: true };
  if (terminated) {
    // A container that failed to start has no ID: show the one before it, if any.
    if (terminated.containerID) return { containerId: terminated.containerID, current: true };
    if (last?.containerID) return { containerId: last.containerID, current: false };
    return { error: isTerminated };
  }
  if (last) {
    if (!last.containerID) return { error: isTerminated };
    return { containerId: last.containerID, current: false };
  }
  if (waiting) {
    const prefix = `container ${q(containerName)} in pod ${q(podName)} is waiting to start`;
    switch (waiting.reason) {
      case 'ErrImagePull':
        return { error: `${prefix}: image can't be pulled` };
      case 'ImagePullBackOff':
        return { error: `${prefix}: trying and failing to pull image` };
      default:
        return { error: `${prefix}: ${waiting.reason ?? ''}` };
    }
  }
  return { error: `container ${q(containerName)} in pod ${q(podName)} is waiting to start - no logs yet` };
}
