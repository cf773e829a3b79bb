/**
 * Finished pods are counted in three steps (trackJobStatusAndRemoveFinalizers): their UIDs go to
 * status.uncountedTerminatedPods, their tracking finalizer is removed, then they move into the
 * succeeded/failed counters. These are the pure parts of those steps.
 */
import type { Job, Pod } from '@kubelab/api';
import type { JobCondition } from './job-conditions.js';
import {
  getCompletionIndex,
  hasJobTrackingFinalizer,
  isIndexedJob,
  isPodFailed,
} from './job-pods.js';

export type JobStatus = NonNullable<Job['status']>;

/** Pods with the finalizer that are not yet in uncountedTerminatedPods (getNewFinishedPods). */
export function newFinishedPods(
  job: Job,
  pods: Pod[],
  expectedRm: ReadonlySet<string>,
): { succeeded: Pod[]; failed: Pod[] } {
  const uncounted = job.status?.uncountedTerminatedPods;
  const valid = (p: Pod, counted: string[] | undefined): boolean => {
    const uid = p.metadata?.uid ?? '';
    if (!hasJobTrackingFinalizer(p) || counted?.includes(uid) || expectedRm.has(uid)) return false;
    if (!isIndexedJob(job)) return true;
    const ix = getCompletionIndex(p);
    return ix >= 0 && ix < (job.spec?.completions ?? 0);
  };
  return {
    succeeded: pods.filter(
      (p) => p.status?.phase === 'Succeeded' && valid(p, uncounted?.succeeded),
    ),
    failed: pods.filter((p) => isPodFailed(p, job) && valid(p, uncounted?.failed)),
  };
}

export interface FinalizerPlan {
  /** Pods whose finalizer is removed in this sync. */
  remove: Pod[];
  /** Completion indexes that succeeded since the last status (Indexed Jobs). */
  newSucceededIndexes: number[];
  /** Whether uncountedTerminatedPods changed. */
  changed: boolean;
}

/**
 * Which pods lose their finalizer, adding them to the status's uncounted lists (mutates
 * `status.uncountedTerminatedPods`). `finished` is the pending finishing condition, if any.
 */
export function planFinalizerRemoval(
  job: Job,
  status: JobStatus,
  pods: Pod[],
  o: {
    expectedRm: ReadonlySet<string>;
    finished?: JobCondition | undefined;
    prevSucceededIndexes: number[];
  },
): FinalizerPlan {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  const succeeded = new Set(uncounted.succeeded ?? []);
  const failed = new Set(uncounted.failed ?? []);
  const indexed = isIndexedJob(job);
  const completions = job.spec?.completions ?? 0;
  const finishedByFailure = !!o.finished && o.finished.type !== 'SuccessCriteriaMet';
  const plan: FinalizerPlan = { remove: [], newSucceededIndexes: [], changed: false };
  const ordered = indexed
    ? [...pods].sort((a, b) => getCompletionIndex(a) - getCompletionIndex(b))
    : pods;
  for (const pod of ordered) {
    const uid = pod.metadata?.uid ?? '';
    if (!hasJobTrackingFinalizer(pod) || o.expectedRm.has(uid)) continue;
    const considerFailed = isPodFailed(pod, job);
    const canRemove =
      !!job.metadata?.deletionTimestamp ||
      !!o.finished ||
      pod.status?.phase === 'Succeeded' ||
      considerFailed;
    if (!canRemove) continue;
    plan.remove.push(pod);
    const ix = getCompletionIndex(pod);
    if (pod.status?.phase === 'Succeeded' && !failed.has(uid)) {
      if (indexed) {
        if (ix >= 0 && ix < completions && !o.prevSucceededIndexes.includes(ix))
          plan.newSucceededIndexes.push(ix);
      } else if (!succeeded.has(uid)) {
        succeeded.add(uid);
        plan.changed = true;
      }
    } else if (considerFailed || finishedByFailure) {
      if (!failed.has(uid) && (!indexed || (ix >= 0 && ix < completions))) {
        failed.add(uid);
        plan.changed = true;
      }
    }
  }
  uncounted.succeeded = [...succeeded];
  uncounted.failed = [...failed];
  return plan;
}

/**
 * cleanUncountedPodsWithoutFinalizers: UIDs whose pod no longer has the finalizer move from the
 * uncounted lists to the counters. Returns whether the status changed.
 */
export function countPodsWithoutFinalizers(
  status: JobStatus,
  withFinalizer: ReadonlySet<string>,
): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  const keepS = (uncounted.succeeded ?? []).filter((u) => withFinalizer.has(u));
  if (keepS.length !== (uncounted.succeeded ?? []).length) {
    status.succeeded = (status.succeeded ?? 0) + (uncounted.succeeded ?? []).length - keepS.length;
    changed = true;
  }
  const keepF = (uncounted.failed ?? []).filter((u) => withFinalizer.has(u));
  if (keepF.length !== (uncounted.failed ?? []).length) {
    status.failed = (status.failed ?? 0) + (uncounted.failed ?? []).length - keepF.length;
    changed = true;
  }
  uncounted.succeeded = keepS;
  uncounted.failed = keepF;
  return changed;
}
