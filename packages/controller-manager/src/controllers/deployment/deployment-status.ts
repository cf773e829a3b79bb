/**
 * A Deployment's status from its ReplicaSets (sync.go calculateStatus) and the Progressing
 * condition a rollout moves through (progress.go syncRolloutStatus).
 */
import type { Deployment, ReplicaSet } from '@kubelab/api';
import {
  getCondition,
  newCondition,
  REASON,
  removeCondition,
  setCondition,
  type DeploymentCondition,
  type DeploymentStatus,
} from './conditions.js';
import {
  actualReplicaCount,
  availableReplicaCount,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  hasProgressDeadline,
  maxUnavailable,
  readyReplicaCount,
  replicaCount,
  specReplicas,
} from './rollout-math.js';

export function calculateStatus(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = replicaCount(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(
      status,
      newCondition(
        'Available',
        'True',
        REASON.MinimumReplicasAvailable,
        'Deployment has minimum availability.',
        nowMs,
      ),
    );
  } else {
    setCondition(
      status,
      newCondition(
        'Available',
        'False',
        REASON.MinimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        nowMs,
      ),
    );
  }
  return status;
}

function replicaSetToDeploymentCondition(
  c: NonNullable<NonNullable<ReplicaSet['status']>['conditions']>[number],
): DeploymentCondition {
  const out: DeploymentCondition = { type: c.type, status: c.status };
  if (c.lastTransitionTime) {
    out.lastTransitionTime = c.lastTransitionTime;
    out.lastUpdateTime = c.lastTransitionTime;
  }
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/** getReplicaFailures: the new ReplicaSet's failure first, else any old one's. */
function replicaFailures(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const of = (rs: ReplicaSet | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map(replicaSetToDeploymentCondition);
  const fromNew = of(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(of);
}

/** The status syncRolloutStatus writes. */
export function rolloutStatus(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  nowMs: number,
): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, nowMs);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete =
    status.replicas === status.updatedReplicas && current?.reason === REASON.NewRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const name = d.metadata?.name ?? '';
    const subject = newRS ? `ReplicaSet "${newRS.metadata?.name ?? ''}"` : `Deployment "${name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'True',
          REASON.NewRSAvailable,
          `${subject} has successfully progressed.`,
          nowMs,
        ),
      );
    } else if (deploymentProgressing(d, status)) {
      const cond = newCondition(
        'Progressing',
        'True',
        REASON.ReplicaSetUpdated,
        `${subject} is progressing.`,
        nowMs,
      );
      if (current) {
        if (current.status === 'True' && current.lastTransitionTime)
          cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, nowMs)) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'False',
          REASON.TimedOut,
          `${subject} has timed out progressing.`,
          nowMs,
        ),
      );
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures[0]) setCondition(status, failures[0]);
  else removeCondition(status, 'ReplicaFailure');
  return status;
}

/** reflect.DeepEqual of two statuses, ignoring absent-vs-zero counters. */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  const norm = (s: DeploymentStatus | undefined): string =>
    JSON.stringify({
      observedGeneration: s?.observedGeneration ?? 0,
      replicas: s?.replicas ?? 0,
      updatedReplicas: s?.updatedReplicas ?? 0,
      readyReplicas: s?.readyReplicas ?? 0,
      availableReplicas: s?.availableReplicas ?? 0,
      unavailableReplicas: s?.unavailableReplicas ?? 0,
      collisionCount: s?.collisionCount ?? null,
      conditions: (s?.conditions ?? []).map((c) => [
        c.type,
        c.status,
        c.reason ?? '',
        c.message ?? '',
        c.lastUpdateTime ?? '',
        c.lastTransitionTime ?? '',
      ]),
    });
  return norm(a) === norm(b);
}

/** requeueStuckDeployment: when to look again for a timeout; undefined when never. */
export function progressCheckDelayMs(
  d: Deployment,
  newStatus: DeploymentStatus,
  nowMs: number,
): number | undefined {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, newStatus) || current.reason === REASON.TimedOut) return undefined;
  const after =
    Date.parse(current.lastUpdateTime ?? '') +
    (d.spec?.progressDeadlineSeconds ?? 0) * 1000 -
    nowMs;
  return after < 1000 ? 0 : after + 1000;
}
