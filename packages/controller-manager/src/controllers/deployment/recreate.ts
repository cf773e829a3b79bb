/**
 * Recreate (recreate.go): scale every old ReplicaSet to zero, wait until no old pod runs, then
 * create and scale up the new one.
 */
import type { Deployment, Pod, ReplicaSet } from '@kubelab/api';
import type { DeploymentSync } from './deployment-sync.js';
import { filterActive } from './replica-set-util.js';
import { actualReplicaCount, deploymentComplete, specReplicas } from './rollout-math.js';

/** oldPodsRunning: an old ReplicaSet reports pods, or a non-terminal pod of one exists. */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded'))
      return true;
  }
  return false;
}

export async function rolloutRecreate(
  s: DeploymentSync,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): Promise<void> {
  let { newRS, oldRSs } = await s.newAndOld(d, rsList, false);
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    if (specReplicas(rs) === 0) continue;
    if ((await s.scaleAndRecord(rs, 0, d)).scaled) scaledDown = true;
  }
  if (scaledDown) return s.syncRolloutStatus(allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return s.syncRolloutStatus(allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = await s.newAndOld(d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) await s.scaleAndRecord(newRS, specReplicas(d), d);
  if (d.status && deploymentComplete(d, d.status)) await s.cleanup(oldRSs, d);
  return s.syncRolloutStatus(allRSs, newRS, d);
}
