/**
 * Which pods a ReplicaSet deletes first when scaling down: controller.ActivePodsWithRanks.Less,
 * with PodDeletionCost and LogarithmicScaleDown enabled as in 1.32.
 */
import type { Pod } from '@kubelab/api';
import { getPodCondition, isPodReady } from './pod-status.js';

export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPods {
  pods: Pod[];
  /** Per pod: how many related pods share its node (higher: deleted first). */
  rank: number[];
  nowMs: number;
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n > 2147483647 || n < -2147483648 ? 0 : n;
}

function readyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const t = getPodCondition(pod, 'Ready')?.lastTransitionTime;
  return t ? Date.parse(t) : undefined;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** Zero times sort first, otherwise later times first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

/** floor(log2(ns since t)) difference; -1 for times not in the past. */
function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number): number => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

function compareTimes(
  a: Pod,
  b: Pod,
  times: [number | undefined, number | undefined],
  nowMs: number,
): boolean {
  const [t1, t2] = times;
  if (!nowMs || !t1 || !t2) return afterOrZero(t1, t2);
  const diff = logarithmicRankDiff(t1, t2, nowMs);
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/** True when pod i should be deleted before pod j. */
export function lessActivePod(s: RankedPods, i: number, j: number): boolean {
  const a = s.pods[i] as Pod;
  const b = s.pods[j] as Pod;
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca < cb;
  if (s.rank[i] !== s.rank[j]) return (s.rank[i] ?? 0) > (s.rank[j] ?? 0);
  if (isPodReady(a) && isPodReady(b)) {
    const ra = readyTime(a);
    const rb = readyTime(b);
    if (ra !== rb) return compareTimes(a, b, [ra, rb], s.nowMs);
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const cta = a.metadata?.creationTimestamp ? Date.parse(a.metadata.creationTimestamp) : undefined;
  const ctb = b.metadata?.creationTimestamp ? Date.parse(b.metadata.creationTimestamp) : undefined;
  if (cta !== ctb) return compareTimes(a, b, [cta, ctb], s.nowMs);
  return false;
}

/** Sorts the pods (and their ranks) so that the first ones are the ones to delete. */
export function sortActivePodsWithRanks(s: RankedPods): Pod[] {
  const idx = s.pods.map((_, i) => i);
  idx.sort((i, j) => (lessActivePod(s, i, j) ? -1 : lessActivePod(s, j, i) ? 1 : 0));
  return idx.map((i) => s.pods[i] as Pod);
}
