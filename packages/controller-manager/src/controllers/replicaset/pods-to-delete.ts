/**
 * getPodsToDelete (replica_set.go): when scaling down, rank the pods by the upstream ordering,
 * counting how many pods of related ReplicaSets (same Deployment) share each pod's node.
 */
import type { Pod } from '@kubelab/api';
import { sortActivePodsWithRanks } from '../../util/active-pods.js';
import { isPodActive } from '../../util/pod-status.js';

export function podsToDelete(filtered: Pod[], related: Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const rank = filtered.map((p) => onNode.get(p.spec?.nodeName ?? '') ?? 0);
  return sortActivePodsWithRanks({ pods: filtered, rank, nowMs }).slice(0, diff);
}
