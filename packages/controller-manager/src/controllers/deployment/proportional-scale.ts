/**
 * sync.go scale: a scaling event resizes the only active (or the newest) ReplicaSet, or, mid
 * rollout, spreads the change over the active ReplicaSets in proportion to their sizes (larger
 * first; newer first when scaling up, older first when scaling down).
 */
import type { Deployment, ReplicaSet } from '@kubelab/api';
import type { DeploymentSync } from './deployment-sync.js';
import { bySizeNewer, bySizeOlder, filterActive, findActiveOrLatest } from './replica-set-util.js';
import {
  isRollingUpdate,
  isSaturated,
  maxSurge,
  replicaCount,
  replicaSetProportion,
  specReplicas,
} from './rollout-math.js';

export async function scaleDeployment(
  s: DeploymentSync,
  d: Deployment,
  rss: { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] },
): Promise<void> {
  const { newRS, oldRSs } = rss;
  const replicas = specReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== replicas)
      await s.scaleAndRecord(activeOrLatest, replicas, d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) await s.scaleAndRecord(old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActive([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  let op = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    const name = rs.metadata?.name ?? '';
    if (toAdd !== 0) {
      const p = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(name, specReplicas(rs) + p);
      added += p;
    } else sizes.set(name, specReplicas(rs));
  }
  for (const [i, rs] of all.entries()) {
    const name = rs.metadata?.name ?? '';
    if (i === 0 && toAdd !== 0)
      sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    await s.scaleReplicaSet(rs, sizes.get(name) ?? 0, d, op);
  }
}
