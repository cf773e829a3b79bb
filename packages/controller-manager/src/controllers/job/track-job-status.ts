/**
 * trackJobStatusAndRemoveFinalizers and flushUncountedAndRemoveFinalizers (job_controller.go):
 * write newly finished pods to status.uncountedTerminatedPods (with the interim
 * SuccessCriteriaMet/FailureTarget condition), remove their finalizers, move them into the
 * counters, then add Complete or Failed once nothing is uncounted or terminating.
 */
import type { Job } from '@kubelab/api';
import { objectReference } from '../../framework/event-recorder.js';
import { JOBS } from '../../framework/resources.js';
import { formatIndexes } from './completed-indexes.js';
import { ensureJobConditionStatus, findCondition, newCondition } from './job-conditions.js';
import { hasJobTrackingFinalizer, isIndexedJob } from './job-pods.js';
import type { JobSyncer, SyncJobCtx } from './job-syncer.js';
import {
  countPodsWithoutFinalizers,
  planFinalizerRemoval,
  type JobStatus,
} from './uncounted-pods.js';

export async function trackJobStatus(
  syncer: JobSyncer,
  jc: SyncJobCtx,
  statusChanged: boolean,
): Promise<void> {
  const { s } = syncer;
  let needsFlush = statusChanged;
  const withFinalizer = new Set<string>();
  for (const p of jc.pods) {
    const uid = p.metadata?.uid ?? '';
    if (hasJobTrackingFinalizer(p) && !jc.expectedRm.has(uid)) withFinalizer.add(uid);
  }
  const status = (jc.job.status ??= {});
  if (countPodsWithoutFinalizers(status, withFinalizer)) needsFlush = true;
  const plan = planFinalizerRemoval(jc.job, status, jc.pods, {
    expectedRm: jc.expectedRm,
    finished: jc.finishedCondition,
    prevSucceededIndexes: jc.prevSucceededIndexes,
  });
  if (plan.changed || plan.newSucceededIndexes.length > 0) needsFlush = true;
  if (isIndexedJob(jc.job)) {
    const all = [...new Set([...jc.succeededIndexes, ...plan.newSucceededIndexes])];
    const text = formatIndexes(all);
    if (text !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = all.length;
    status.completedIndexes = text;
  }
  const finished = jc.finishedCondition;
  if (finished?.type === 'FailureTarget') {
    status.conditions = [...(status.conditions ?? []), finished];
    needsFlush = true;
    jc.finishedCondition = newCondition(
      'Failed',
      'True',
      finished.reason ?? '',
      finished.message ?? '',
      syncer.now(),
    );
  }
  if (finished?.type === 'SuccessCriteriaMet') {
    if (!findCondition(jc.job, 'SuccessCriteriaMet')) {
      status.conditions = [...(status.conditions ?? []), finished];
      needsFlush = true;
    }
    jc.finishedCondition = newCondition(
      'Complete',
      'True',
      finished.reason ?? '',
      finished.message ?? '',
      syncer.now(),
    );
  }

  // Step 1: record the uncounted pods (and the interim condition) before touching finalizers.
  if (needsFlush) {
    jc.job = await updateJobStatus(syncer, jc.job);
    s.backoff.set(jc.key, jc.newBackoffRecord);
    needsFlush = false;
  }
  // Step 2: remove the finalizers.
  let rmError: unknown;
  if (plan.remove.length > 0) {
    s.finalizerExpectations.expectFinalizersRemoved(
      jc.key,
      plan.remove.map((p) => p.metadata?.uid ?? ''),
    );
    await Promise.all(
      plan.remove.map(async (pod) => {
        const uid = pod.metadata?.uid ?? '';
        try {
          await syncer.removeTrackingFinalizer(pod);
          withFinalizer.delete(uid);
        } catch (err) {
          s.finalizerExpectations.finalizerRemovalObserved(jc.key, uid);
          rmError ??= err;
        }
      }),
    );
  }
  // Step 3: count the pods that lost their finalizer.
  const jobStatus = (jc.job.status ??= {});
  if (countPodsWithoutFinalizers(jobStatus, withFinalizer)) needsFlush = true;
  if (rmError) {
    if (needsFlush) await updateJobStatus(syncer, jc.job);
    throw rmError;
  }
  // Step 4: the terminal condition.
  const done = enactJobFinished(syncer, jc);
  if (done) needsFlush = true;
  if (!needsFlush) return;
  jc.job = await updateJobStatus(syncer, jc.job);
  if (done && jc.finishedCondition) recordJobFinished(syncer, jc.job, jc.finishedCondition);
}

function enactJobFinished(syncer: JobSyncer, jc: SyncJobCtx): boolean {
  const cond = jc.finishedCondition;
  if (!cond) return false;
  const status = (jc.job.status ??= {});
  const u = status.uncountedTerminatedPods;
  if ((u?.succeeded ?? []).length + (u?.failed ?? []).length > 0) return false;
  if (jc.terminating > 0) return false;
  const r = ensureJobConditionStatus(status.conditions ?? [], cond);
  status.conditions = r.conditions;
  if (cond.type === 'Complete') status.completionTime = cond.lastTransitionTime;
  return true;
}

function recordJobFinished(
  syncer: JobSyncer,
  job: Job,
  cond: { type: string; reason?: string; message?: string },
): void {
  const ref = objectReference(JOBS, job);
  const rec = syncer.s.recorder;
  if (cond.type === 'Complete') {
    const completions = job.spec?.completions;
    if (
      completions !== undefined &&
      completions !== null &&
      (job.status?.succeeded ?? 0) > completions
    )
      rec.event(
        ref,
        'Warning',
        'TooManySucceededPods',
        'Too many succeeded pods running after completion count reached',
      );
    rec.event(ref, 'Normal', 'Completed', 'Job completed');
  } else {
    rec.event(ref, 'Warning', cond.reason ?? '', cond.message ?? '');
  }
}

/** Omits zero counters and empty uncounted lists, as the API's omitempty does. */
function normalized(status: JobStatus): JobStatus {
  const u = status.uncountedTerminatedPods ?? {};
  const out: NonNullable<JobStatus['uncountedTerminatedPods']> = {};
  if ((u.succeeded ?? []).length > 0) out.succeeded = u.succeeded ?? [];
  if ((u.failed ?? []).length > 0) out.failed = u.failed ?? [];
  const next: JobStatus = { ...status, uncountedTerminatedPods: out };
  for (const f of ['active', 'succeeded', 'failed'] as const) if (!next[f]) delete next[f];
  if (!next.completedIndexes) delete next.completedIndexes;
  return next;
}

async function updateJobStatus(syncer: JobSyncer, job: Job): Promise<Job> {
  const client = syncer.s.ctx.clients.resource<Job>(JOBS, job.metadata?.namespace);
  return client.updateStatus({ ...job, status: normalized(job.status ?? {}) });
}
