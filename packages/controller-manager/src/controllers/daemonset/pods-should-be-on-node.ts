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
      if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, ctx.nowMs)) {
        out.podsToDelete.push(oldestOld);
      }
    }
    return out;
  }
  if (exists) out.podsToDelete.push(...(daemonPods ?? []).filter((p) => !p.metadata?.deletionTimestamp));
  return out;
}
