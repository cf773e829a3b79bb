/**
 * The taint eviction decision (pkg/controller/tainteviction/taint_eviction.go processPodOnNode):
 * a pod on a node with NoExecute taints it does not tolerate goes at once; tolerated taints
 * with tolerationSeconds delay the eviction by the smallest of them; otherwise it stays.
 */
import type { Taint, Toleration } from '@kubelab/api';
import { getMatchingTolerations } from '../../util/taints.js';

export const noExecuteTaints = (taints: readonly Taint[] | undefined): Taint[] =>
  (taints ?? []).filter((t) => t.effect === 'NoExecute');

/** getMinTolerationTime in ms: 0 for no tolerations or a non-positive one, -1 for forever. */
export function minTolerationMs(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return Number.isFinite(min) ? min * 1000 : -1;
}

export type EvictionDecision =
  | { action: 'cancel' }
  | { action: 'evict'; createdAt: number; fireAt: number }
  /** Already scheduled no later than this decision would: leave it. */
  | { action: 'keep' };

export function evictionDecision(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
  nowMs: number,
  scheduled: { createdAt: number } | undefined,
): EvictionDecision {
  if (taints.length === 0) return { action: 'cancel' };
  const used = getMatchingTolerations(taints, tolerations);
  if (!used) return { action: 'evict', createdAt: nowMs, fireAt: nowMs };
  const min = minTolerationMs(used);
  if (min < 0) return { action: 'cancel' };
  let start = nowMs;
  const trigger = nowMs + min;
  if (scheduled) {
    start = scheduled.createdAt;
    if (start + min < trigger) return { action: 'keep' };
  }
  return { action: 'evict', createdAt: start, fireAt: trigger };
}
