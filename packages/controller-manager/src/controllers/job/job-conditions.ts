/**
 * Job conditions and the failure checks of syncJob (job_controller.go): in 1.32 a Job first
 * gets the interim SuccessCriteriaMet or FailureTarget condition, and Complete or Failed only
 * once every pod is accounted for and none is terminating.
 */
import { rfc3339, type Job, type Pod } from '@kubelab/api';

export type JobCondition = NonNullable<NonNullable<Job['status']>['conditions']>[number];
export type JobConditionType =
  'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';

export const BACKOFF_LIMIT_EXCEEDED = {
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
} as const;
export const DEADLINE_EXCEEDED = {
  reason: 'DeadlineExceeded',
  message: 'Job was active longer than specified deadline',
} as const;

export function newCondition(
  type: JobConditionType,
  status: 'True' | 'False',
  reason: string,
  message: string,
  nowMs: number,
): JobCondition {
  const t = rfc3339(nowMs);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function findCondition(job: Job, type: JobConditionType): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: Job): boolean {
  return (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

/**
 * ensureJobConditionStatus: replaces a condition of the type that differs, appends a missing one
 * unless its status is False. Returns the new list and whether it changed.
 */
export function ensureJobConditionStatus(
  list: JobCondition[],
  next: JobCondition,
): { conditions: JobCondition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === next.type);
  if (i >= 0) {
    const cur = list[i] as JobCondition;
    if (
      cur.status === next.status &&
      (cur.reason ?? '') === (next.reason ?? '') &&
      (cur.message ?? '') === (next.message ?? '')
    )
      return { conditions: list, changed: false };
    const out = [...list];
    out[i] = next;
    return { conditions: out, changed: true };
  }
  if (next.status === 'False') return { conditions: list, changed: false };
  return { conditions: [...list, next], changed: true };
}

/** pastBackoffLimitOnFailure: container restarts of running or pending pods reach the limit. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [
      ...(p.status.initContainerStatuses ?? []),
      ...(p.status.containerStatuses ?? []),
    ])
      restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

export function jobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/**
 * Milliseconds until activeDeadlineSeconds passes (<= 0: passed); undefined when there is no
 * deadline, no start time, or the Job is suspended.
 */
export function activeDeadlineRemainingMs(job: Job, nowMs: number): number | undefined {
  const deadline = job.spec?.activeDeadlineSeconds;
  const start = job.status?.startTime;
  if (deadline === undefined || !start || jobSuspended(job)) return undefined;
  return Date.parse(start) + deadline * 1000 - nowMs;
}
