/**
 * The READY / STATUS / RESTARTS summary of a pod, ported from upstream printPod
 * (pkg/printers/internalversion/printers.go), including restartable init ("sidecar")
 * containers as 1.29+ counts them.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from '@kubelab/api';
import { parseTime } from './helpers.js';

export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  reason: string;
  restarts: number;
  /** Epoch ms of the most recent `lastState.terminated.finishedAt` that counts, if any. */
  lastRestart: number | undefined;
}

/** Pod status reason the node lifecycle controller sets when a node stops reporting. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(conditions: readonly PodCondition[] | undefined, type: string): boolean {
  const found = (conditions ?? []).find((c) => c.type === type);
  return found?.status === 'True';
}

function hasPodReadyCondition(conditions: readonly PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Keeps the latest finishedAt of a container's last termination. */
function later(current: number | undefined, status: ContainerStatus): number | undefined {
  const finished = parseTime(status.lastState?.terminated?.finishedAt);
  if (finished === undefined) return current;
  return current === undefined || current < finished ? finished : current;
}

interface InitScan {
  reason: string | undefined;
  initializing: boolean;
  ready: number;
  restarts: number;
  lastRestart: number | undefined;
  sidecarRestarts: number;
  sidecarLastRestart: number | undefined;
}

/** Walks init container statuses until the first one that is not done (upstream's loop). */
function scanInitContainers(pod: Pod): InitScan {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const total = pod.spec?.initContainers?.length ?? 0;
  const scan: InitScan = {
    reason: undefined,
    initializing: false,
    ready: 0,
    restarts: 0,
    lastRestart: undefined,
    sidecarRestarts: 0,
    sidecarLastRestart: undefined,
  };
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (const [i, status] of statuses.entries()) {
    const sidecar = isRestartableInitContainer(specs.get(status.name));
    scan.restarts += status.restartCount ?? 0;
    scan.lastRestart = later(scan.lastRestart, status);
    if (sidecar) {
      scan.sidecarRestarts += status.restartCount ?? 0;
      scan.sidecarLastRestart = later(scan.sidecarLastRestart, status);
    }
    const terminated = status.state?.terminated;
    const waiting = status.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && status.started === true) {
      if (status.ready) scan.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) scan.reason = `Init:${terminated.reason}`;
      else if (terminated.signal) scan.reason = `Init:Signal:${terminated.signal}`;
      else scan.reason = `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      scan.reason = `Init:${waiting.reason}`;
    } else {
      scan.reason = `Init:${i}/${total}`;
    }
    scan.initializing = true;
    break;
  }
  return scan;
}

/** Computes what `kubectl get pods` shows in READY, STATUS and RESTARTS. */
export function summarizePod(pod: Pod): PodSummary {
  const phase = pod.status?.phase ?? '';
  let reason = pod.status?.reason || phase;
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const sidecars = (pod.spec?.initContainers ?? []).filter(isRestartableInitContainer).length;
  const totalContainers = (pod.spec?.containers?.length ?? 0) + sidecars;

  const init = scanInitContainers(pod);
  let readyContainers = init.ready;
  let restarts = init.restarts;
  let lastRestart = init.lastRestart;
  if (init.reason !== undefined) reason = init.reason;

  if (!init.initializing || conditionTrue(pod.status?.conditions, 'Initialized')) {
    restarts = init.sidecarRestarts;
    lastRestart = init.sidecarLastRestart;
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const status = statuses[i];
      if (!status) continue;
      restarts += status.restartCount ?? 0;
      lastRestart = later(lastRestart, status);
      const { waiting, terminated, running } = status.state ?? {};
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (status.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to "Running" while at least one container still reports running.
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(pod.status?.conditions) ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && pod.status?.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { readyContainers, totalContainers, reason, restarts, lastRestart };
}
