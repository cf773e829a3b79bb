/**
 * manageJob (job_controller.go): deletes every active pod of a suspended Job, deletes extra
 * pods, or (after the failure backoff) creates the missing ones in slow-start batches; never
 * both in one sync.
 */
import { isApiError, type Pod } from '@kubelab/api';
import { namespacedKey, newControllerRef } from '../../framework/controller-ref.js';
import { JOBS } from '../../framework/resources.js';
import { activePodsForRemoval, wantActive } from './active-pods.js';
import { firstPendingIndexes } from './completed-indexes.js';
import { jobSuspended } from './job-conditions.js';
import { isIndexedJob, newJobPod, onlyReplaceFailedPods } from './job-pods.js';
import type { JobSyncer, SyncJobCtx } from './job-syncer.js';
import { remainingBackoffMs } from './pod-backoff.js';

export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface ManageResult {
  active: number;
  error?: unknown;
}

function namespaceTerminating(err: unknown): boolean {
  return isApiError(err) && !!err.details?.causes?.some((c) => c.type === 'NamespaceTerminating');
}

export async function manageJob(syncer: JobSyncer, jc: SyncJobCtx): Promise<ManageResult> {
  const { s } = syncer;
  const job = jc.job;
  const key = jc.key;
  let active = jc.activePods.length;
  if (jobSuspended(job)) {
    const victims = activePodsForRemoval(job, jc.activePods, active);
    s.expectations.expectDeletions(key, victims.map(namespacedKey));
    const r = await syncer.deleteJobPods(job, victims);
    jc.terminating += r.deleted;
    jc.ready -= r.deletedReady;
    return { active: active - r.deleted, error: r.error };
  }
  const want = wantActive(job, active, jc.succeeded);
  const victims = activePodsForRemoval(job, jc.activePods, Math.max(0, active - want)).slice(
    0,
    MAX_POD_CREATE_DELETE_PER_SYNC,
  );
  if (victims.length > 0) {
    s.expectations.expectDeletions(key, victims.map(namespacedKey));
    s.logger.debug('Too many pods running for job', {
      job: key,
      deleted: victims.length,
      target: want,
    });
    const r = await syncer.deleteJobPods(job, victims);
    jc.terminating += r.deleted;
    jc.ready -= r.deletedReady;
    return { active: active - r.deleted, error: r.error };
  }
  const terminating = onlyReplaceFailedPods(job) ? jc.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return { active };
  const remaining = remainingBackoffMs(jc.newBackoffRecord, syncer.now());
  if (remaining > 0) {
    s.queue.addAfter(key, remaining);
    return { active: 0 };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] = [];
  if (isIndexedJob(job)) {
    indexes = firstPendingIndexes(
      jc.activePods,
      jc.succeededIndexes,
      diff,
      job.spec?.completions ?? 0,
    );
    diff = indexes.length;
  }
  s.expectations.expectCreations(key, diff);
  s.logger.debug('Too few pods running', { key, need: want, creating: diff });
  active += diff;
  const ref = newControllerRef(job, JOBS);
  let error: unknown;
  for (let batch = Math.min(diff, 1); diff > 0; batch = Math.min(2 * batch, diff)) {
    const results = await Promise.allSettled(
      Array.from({ length: batch }, () => {
        const index = indexes.shift();
        const pod: Pod = newJobPod(job, ref, index);
        return s.podControl.createPod(job, pod);
      }),
    );
    let failedNow = false;
    for (const r of results) {
      if (r.status === 'fulfilled' || namespaceTerminating(r.reason)) continue;
      s.expectations.creationObserved(key);
      active--;
      error ??= r.reason;
      failedNow = true;
    }
    const skipped = diff - batch;
    if (failedNow && skipped > 0) {
      active -= skipped;
      s.expectations.lowerExpectations(key, skipped, 0);
      break;
    }
    diff -= batch;
  }
  return { active, error };
}
