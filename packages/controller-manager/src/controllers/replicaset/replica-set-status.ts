/**
 * The ReplicaSet's status from its active pods (replica_set_utils.go calculateStatus) and
 * whether writing it changes anything.
 */
import { rfc3339, selectorFromSet, type Pod, type ReplicaSet } from '@kubelab/api';
import { isPodAvailable, isPodReady } from '../../util/pod-status.js';

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

export interface StatusInput {
  rs: ReplicaSet;
  /** Active pods the ReplicaSet owns. */
  pods: Pod[];
  /** The error of this sync's create/delete round, if any. */
  manageError?: Error | undefined;
  nowMs: number;
}

export function calculateStatus({ rs, pods, manageError, nowMs }: StatusInput): ReplicaSetStatus {
  const status: ReplicaSetStatus = structuredClone(rs.status ?? { replicas: 0 });
  const templateLabels = selectorFromSet(rs.spec?.template?.metadata?.labels ?? {});
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (templateLabels.matches(pod.metadata?.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
  }
  const failure = status.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = pods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    status.conditions = [
      ...(status.conditions ?? []),
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: rfc3339(nowMs),
        reason,
        message: manageError.message,
      },
    ];
  } else if (!manageError && failure) {
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
    if (status.conditions.length === 0) delete status.conditions;
  }
  status.replicas = pods.length;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  return status;
}

/** updateReplicaSetStatus's short-circuit: nothing to write. */
export function statusUnchanged(rs: ReplicaSet, next: ReplicaSetStatus): boolean {
  const cur = rs.status ?? { replicas: 0 };
  return (
    (cur.replicas ?? 0) === next.replicas &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata?.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}
