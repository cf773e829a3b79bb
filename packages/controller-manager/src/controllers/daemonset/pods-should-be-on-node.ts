/**
 * podsShouldBeOnNode (daemon_controller.go): per node, whether a daemon pod must be created,
 * and which daemon pods must go (failed, succeeded, excess, or no longer allowed there).
 */
import type { DaemonSet, Node, Pod } from '@kubelab/api';
import { isPodAvailable, isPodReady } from '../../util/pod-status.js';
import { byCreationTimestampAndPhase, nodeShouldRunDaemonPod } from './daemon-pod.js';
import { surgeCount } from './rolling-update.js';

export interface NodeDecision {
  createOnNode: boolean;
  /** Pods to delete (failed ones are listed in `failed` as well, for the backoff and event). */
  podsToDelete: Pod[];
  failed: Pod[];
}

export function podsShouldBeOnNode(
  node: Node,
  daemonPods: Pod[] | undefined,
  ds: DaemonSet,
  ctx: { hash: string; nowMs: number },
): NodeDecision {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const out: NodeDecision = { createOnNode: false, podsToDelete: [], failed: [] };
  const exists = daemonPods !== undefined && daemonPods.length > 0;
  if (shouldRun && !exists) {
    out.createOnNode = true;
    return out;
  }
  if (shouldContinueRunning) {
    const running: Pod[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata?.deletionTimestamp) continue;
      if (pod.status?.phase === 'Failed') out.failed.push(pod);
      else if (pod.status?.phase === 'Succeeded') out.podsToDelete.push(pod);
      else running.push(pod);
    }
    running.sort(byCreationTimestampAndPhase);
    if (surgeCount(ds, 1) === 0) {
      out.podsToDelete.push(...running.slice(1));
      return out;
    }
    if (running.length <= 1) {
      if (running.length === 0 && shouldRun) out.createOnNode = true;
      return out;
    }
    // Surging: keep the oldest new pod and, while it is not available, the oldest ready old pod.
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of running) {
      const isNew = pod.metadata?.labels?.['controller-revision-hash'] === ctx.hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else out.podsToDelete.push(pod);
    }
    if (oldestNew && oldestOld) {
      if (
        !isPodReady(oldestOld) ||
        isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, ctx.nowMs)
      ) {
        out.podsToDelete.push(oldestOld);
      }
    }
    return out;
  }
  if (exists)
    out.podsToDelete.push(...(daemonPods ?? []).filter((p) => !p.metadata?.deletionTimestamp));
  return out;
}

export interface ManagePlan {
  nodesToCreate: string[];
  podsToDelete: Pod[];
  /** Failed pods, deleted unless their node is in backoff. */
  failed: { pod: Pod; nodeName: string }[];
}

/** manage's plan: per-node decisions, plus unscheduled pods pinned to nodes that are gone. */
export function planManage(
  ds: DaemonSet,
  nodes: Node[],
  nodeToPods: Map<string, Pod[]>,
  ctx: { hash: string; nowMs: number },
): ManagePlan {
  const plan: ManagePlan = { nodesToCreate: [], podsToDelete: [], failed: [] };
  for (const node of nodes) {
    const nodeName = node.metadata?.name ?? '';
    const d = podsShouldBeOnNode(node, nodeToPods.get(nodeName), ds, ctx);
    if (d.createOnNode) plan.nodesToCreate.push(nodeName);
    plan.podsToDelete.push(...d.podsToDelete);
    plan.failed.push(...d.failed.map((pod) => ({ pod, nodeName })));
  }
  const known = new Set(nodes.map((n) => n.metadata?.name ?? ''));
  for (const [nodeName, pods] of nodeToPods) {
    if (!known.has(nodeName)) plan.podsToDelete.push(...pods.filter((p) => !p.spec?.nodeName));
  }
  return plan;
}

/** failedPodsBackoff (flowcontrol.Backoff 1 s doubling to 15 min) per DaemonSet and node. */
export class FailedPodsBackoff {
  private readonly entries = new Map<string, { delay: number; until: number }>();

  constructor(
    private readonly initialMs = 1000,
    private readonly maxMs = 15 * 60 * 1000,
  ) {}

  /** The wait left when in backoff; otherwise starts the next backoff period and returns undefined. */
  inBackoff(key: string, nowMs: number): number | undefined {
    const b = this.entries.get(key);
    if (b && nowMs < b.until) return b.delay;
    const delay = b ? Math.min(b.delay * 2, this.maxMs) : this.initialMs;
    this.entries.set(key, { delay, until: nowMs + delay });
    return undefined;
  }
}
