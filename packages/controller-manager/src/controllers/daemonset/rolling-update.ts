/**
 * DaemonSet RollingUpdate (pkg/controller/daemon/update.go rollingUpdate): without surge,
 * delete old pods within maxUnavailable and let the manage loop recreate them; with surge,
 * start new pods next to old ones within maxSurge and delete the old once the new are available.
 */
import type { DaemonSet, Node, Pod } from '@kubelab/api';
import { scaledValueFromIntOrPercent } from '../../util/int-or-percent.js';
import { isPodAvailable } from '../../util/pod-status.js';
import { isPodUpdated, nodeShouldRunDaemonPod, templateGeneration } from './daemon-pod.js';

function rolling(ds: DaemonSet) {
  return ds.spec?.updateStrategy?.type === 'RollingUpdate'
    ? ds.spec.updateStrategy.rollingUpdate
    : undefined;
}

/** UnavailableCount: maxUnavailable of the nodes to schedule, rounded up. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  const r = rolling(ds);
  return r ? scaledValueFromIntOrPercent(r.maxUnavailable ?? 0, numberToSchedule, true) : 0;
}

/** SurgeCount: maxSurge of the nodes to schedule, rounded up. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  const r = rolling(ds);
  return r?.maxSurge !== undefined
    ? scaledValueFromIntOrPercent(r.maxSurge, numberToSchedule, true)
    : 0;
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
export function findUpdatedPodsOnNode(
  ds: DaemonSet,
  pods: Pod[],
  hash: string,
): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const gen = templateGeneration(ds);
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { ...(newPod ? { newPod } : {}), ...(oldPod ? { oldPod } : {}), ok: true };
}

export interface RollingUpdateInput {
  ds: DaemonSet;
  nodes: Node[];
  nodeToPods: Map<string, Pod[]>;
  hash: string;
  nowMs: number;
}

export interface RollingUpdatePlan {
  podsToDelete: Pod[];
  nodesToCreate: string[];
}

export function planRollingUpdate({
  ds,
  nodes,
  nodeToPods,
  hash,
  nowMs,
}: RollingUpdateInput): RollingUpdatePlan {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod): boolean => isPodAvailable(p, minReady, nowMs);
  const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const toPods = new Map(nodeToPods);
  let desired = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desired++;
    if (!toPods.has(node.metadata?.name ?? '')) toPods.set(node.metadata?.name ?? '', []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const pods of toPods.values()) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          replacements.push(oldPod);
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return {
      podsToDelete: [...replacements, ...candidates.slice(0, remaining)],
      nodesToCreate: [],
    };
  }

  const oldToDelete: Pod[] = [];
  const shouldNotRun: Pod[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of toPods) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) numAvailable++;
    if (!oldPod) continue;
    const node = byName.get(nodeName);
    if (!newPod) {
      const runs = node ? nodeShouldRunDaemonPod(node, ds).shouldRun : false;
      if (!available(oldPod)) {
        if (!runs) oldToDelete.push(oldPod);
        else allowedNodes.push(nodeName);
      } else if (!runs) shouldNotRun.push(oldPod);
      else if (numSurge < maxSurge) candidateNodes.push(nodeName);
      continue;
    }
    if (!available(newPod)) numSurge++;
    else oldToDelete.push(oldPod);
  }
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  if (deletable > 0) oldToDelete.push(...shouldNotRun.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return {
    podsToDelete: oldToDelete,
    nodesToCreate: [...allowedNodes, ...candidateNodes.slice(0, remainingSurge)],
  };
}
