/**
 * RollingUpdate (rolling.go): grow the new ReplicaSet within maxSurge, shrink old ones within
 * maxUnavailable (unhealthy replicas first), then report progress.
 */
import type { Deployment, ReplicaSet } from '@kubelab/api';
import type { DeploymentSync } from './deployment-sync.js';
import { byCreationTimestamp, filterActive } from './replica-set-util.js';
import {
  availableReplicaCount,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  replicaCount,
  specReplicas,
} from './rollout-math.js';

async function reconcileNewReplicaSet(
  s: DeploymentSync,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Promise<boolean> {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return (await s.scaleAndRecord(newRS, replicas, d)).scaled;
  return (await s.scaleAndRecord(newRS, newRSNewReplicas(d, allRSs, newRS), d)).scaled;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas. */
async function cleanupUnhealthy(
  s: DeploymentSync,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanup: number,
): Promise<{ oldRSs: ReplicaSet[]; count: number }> {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (const [i, rs] of sorted.entries()) {
    if (total >= maxCleanup) break;
    const size = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const down = Math.min(maxCleanup - total, size - available);
    if (size - down > size) {
      throw new Error(
        `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata?.namespace ?? ''}/${rs.metadata?.name ?? ''} ${size} -> ${size - down}`,
      );
    }
    const { rs: updated } = await s.scaleAndRecord(rs, size - down, d);
    total += down;
    sorted[i] = updated;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate. */
async function scaleDownOld(
  s: DeploymentSync,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): Promise<number> {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= target) break;
    if (specReplicas(rs) === 0) continue;
    const down = Math.min(specReplicas(rs), target - total);
    if (down < 0) {
      throw new Error(
        `when scaling down old replica set, got invalid request to scale down ${rs.metadata?.namespace ?? ''}/${rs.metadata?.name ?? ''} ${specReplicas(rs)} -> ${specReplicas(rs) - down}`,
      );
    }
    await s.scaleAndRecord(rs, specReplicas(rs) - down, d);
    total += down;
  }
  return total;
}

async function reconcileOldReplicaSets(
  s: DeploymentSync,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Promise<boolean> {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = await cleanupUnhealthy(s, oldRSs, d, maxScaledDown);
  const scaledDown = await scaleDownOld(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  return cleaned.count + scaledDown > 0;
}

export async function rolloutRolling(
  s: DeploymentSync,
  d: Deployment,
  rsList: ReplicaSet[],
): Promise<void> {
  const { newRS, oldRSs } = await s.newAndOld(d, rsList, true);
  const created = newRS as ReplicaSet;
  const allRSs = [...oldRSs, created];
  if (await reconcileNewReplicaSet(s, allRSs, created, d))
    return s.syncRolloutStatus(allRSs, created, d);
  if (await reconcileOldReplicaSets(s, allRSs, filterActive(oldRSs), created, d))
    return s.syncRolloutStatus(allRSs, created, d);
  if (d.status && deploymentComplete(d, d.status)) await s.cleanup(oldRSs, d);
  return s.syncRolloutStatus(allRSs, created, d);
}
