/**
 * syncJob (job_controller.go): claims the Job's pods, decides whether it has finished, creates or
 * deletes pods (manageJob), and counts finished pods through uncountedTerminatedPods before
 * their finalizers go (trackJobStatusAndRemoveFinalizers).
 */
import { isNotFound, labelSelectorFromMeta, rfc3339, type Job, type Pod } from '@kubelab/api';
import { namespacedKey, newControllerRef, splitKey } from '../../framework/controller-ref.js';
import { claimObjects } from '../../framework/controller-ref-manager.js';
import { objectReference } from '../../framework/event-recorder.js';
import { JOBS, PODS } from '../../framework/resources.js';
import { isPodActive, isPodReady } from '../../util/pod-status.js';
import { succeededIndexes } from './completed-indexes.js';
import {
  BACKOFF_LIMIT_EXCEEDED,
  DEADLINE_EXCEEDED,
  activeDeadlineRemainingMs,
  ensureJobConditionStatus,
  findCondition,
  isJobFinished,
  jobSuspended,
  newCondition,
  pastBackoffLimitOnFailure,
  type JobCondition,
} from './job-conditions.js';
import type { JobControllerState } from './job-controller.js';
import { managedByExternalController } from './job-controller.js';
import { JOB_TRACKING_FINALIZER, isIndexedJob, isPodTerminating } from './job-pods.js';
import { manageJob } from './manage-job.js';
import { nextBackoffRecord, type BackoffRecord } from './pod-backoff.js';
import { newFinishedPods } from './uncounted-pods.js';
import { trackJobStatus } from './track-job-status.js';

/** What one sync knows (syncJobCtx). */
export interface SyncJobCtx {
  key: string;
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  expectedRm: ReadonlySet<string>;
  prevSucceededIndexes: number[];
  succeededIndexes: number[];
  newBackoffRecord: BackoffRecord;
  finishedCondition?: JobCondition | undefined;
}

export class JobSyncer {
  constructor(readonly s: JobControllerState) {}

  now(): number {
    return this.s.ctx.clock.now();
  }

  async syncJob(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const shared = this.s.jobs.cache.get(namespace, name);
    if (!shared) {
      this.s.expectations.delete(key);
      this.s.finalizerExpectations.deleteExpectations(key);
      this.s.backoff.delete(key);
      return;
    }
    if (managedByExternalController(shared)) return;
    if (isJobFinished(shared)) {
      this.s.backoff.delete(key);
      return;
    }
    const job = structuredClone(shared);
    const mode = job.spec?.completionMode;
    if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.s.recorder.event(
        objectReference(JOBS, job),
        'Warning',
        'UnknownCompletionMode',
        'Skipped Job sync because completion mode is unknown',
      );
      return;
    }
    const status = (job.status ??= {});
    status.uncountedTerminatedPods ??= {};
    const satisfied = this.s.expectations.satisfied(key);
    const pods = await this.podsForJob(job);
    const activePods = pods.filter(isPodActive);
    const expectedRm = this.s.finalizerExpectations.expectedUids(key);
    const fresh = newFinishedPods(job, pods, expectedRm);
    const uncounted = status.uncountedTerminatedPods;
    const jc: SyncJobCtx = {
      key,
      job,
      pods,
      activePods,
      ready: activePods.filter(isPodReady).length,
      terminating: pods.filter(isPodTerminating).length,
      succeeded:
        (status.succeeded ?? 0) + fresh.succeeded.length + (uncounted.succeeded ?? []).length,
      failed: (status.failed ?? 0) + fresh.failed.length + (uncounted.failed ?? []).length,
      expectedRm,
      prevSucceededIndexes: [],
      succeededIndexes: [],
      newBackoffRecord: nextBackoffRecord(this.s.backoff.get(key), fresh.succeeded, fresh.failed),
    };
    let active = activePods.length;
    if (!status.startTime && !jobSuspended(job)) status.startTime = rfc3339(this.now());

    jc.finishedCondition = findCondition(job, 'SuccessCriteriaMet');
    if (jc.finishedCondition?.status !== 'True') jc.finishedCondition = undefined;
    if (!jc.finishedCondition) {
      const target = findCondition(job, 'FailureTarget');
      if (target?.status === 'True')
        jc.finishedCondition = newCondition(
          'Failed',
          'True',
          target.reason ?? '',
          target.message ?? '',
          this.now(),
        );
    }
    if (!jc.finishedCondition) {
      const remaining = activeDeadlineRemainingMs(job, this.now());
      const limit = job.spec?.backoffLimit ?? 6;
      if (jc.failed > limit || pastBackoffLimitOnFailure(job, pods)) {
        const { reason, message } = BACKOFF_LIMIT_EXCEEDED;
        jc.finishedCondition = newCondition('FailureTarget', 'True', reason, message, this.now());
      } else if (remaining !== undefined && remaining <= 0) {
        const { reason, message } = DEADLINE_EXCEEDED;
        jc.finishedCondition = newCondition('FailureTarget', 'True', reason, message, this.now());
      } else if (remaining !== undefined) {
        this.s.queue.addAfter(key, remaining);
      }
    }
    if (isIndexedJob(job)) {
      const ix = succeededIndexes(job, pods);
      jc.prevSucceededIndexes = ix.previous;
      jc.succeededIndexes = ix.current;
      jc.succeeded = ix.current.length;
    }

    let suspendCondChanged = false;
    let manageError: unknown;
    if (jc.finishedCondition) {
      const { deleted, deletedReady, error } = await this.deleteActivePods(job, activePods);
      if (deleted !== active || !satisfied) jc.finishedCondition = undefined;
      active -= deleted;
      jc.terminating += deleted;
      jc.ready -= deletedReady;
      manageError = error;
    } else {
      let manageJobCalled = false;
      if (satisfied && !job.metadata?.deletionTimestamp) {
        const r = await manageJob(this, jc);
        active = r.active;
        manageError = r.error;
        manageJobCalled = true;
      }
      const completions = job.spec?.completions;
      const complete =
        completions === undefined || completions === null
          ? jc.succeeded > 0 && active === 0
          : jc.succeeded >= completions && active === 0;
      if (complete) {
        jc.finishedCondition = newCondition('SuccessCriteriaMet', 'True', '', '', this.now());
      } else if (manageJobCalled) {
        suspendCondChanged = this.updateSuspendedCondition(job);
      }
    }
    const needsStatusUpdate =
      suspendCondChanged ||
      active !== (status.active ?? 0) ||
      jc.ready !== status.ready ||
      jc.terminating !== status.terminating;
    status.active = active;
    status.ready = jc.ready;
    status.terminating = jc.terminating;
    try {
      await trackJobStatus(this, jc, needsStatusUpdate);
    } catch (err) {
      throw new Error(`tracking status: ${(err as Error).message}`, { cause: err });
    }
    if (manageError) throw manageError;
  }

  /** The Suspended condition and the Suspended/Resumed events; resuming resets startTime. */
  private updateSuspendedCondition(job: Job): boolean {
    const status = (job.status ??= {});
    const suspended = jobSuspended(job);
    const next = suspended
      ? newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', this.now())
      : newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', this.now());
    const r = ensureJobConditionStatus(status.conditions ?? [], next);
    if (!r.changed) return false;
    status.conditions = r.conditions;
    const ref = objectReference(JOBS, job);
    if (suspended) this.s.recorder.event(ref, 'Normal', 'Suspended', 'Job suspended');
    else {
      this.s.recorder.event(ref, 'Normal', 'Resumed', 'Job resumed');
      status.startTime = rfc3339(this.now());
    }
    return true;
  }

  /** getPodsForJob: every pod of the namespace the Job owns or adopts (finished ones too). */
  private async podsForJob(job: Job): Promise<Pod[]> {
    const namespace = job.metadata?.namespace ?? '';
    const jobs = this.s.ctx.clients.resource<Job>(JOBS, namespace);
    return claimObjects(
      {
        owner: job,
        controllerRef: newControllerRef(job, JOBS),
        selector: labelSelectorFromMeta(job.spec?.selector),
        client: this.s.ctx.clients.resource<Pod>(PODS, namespace),
        recheckOwner: async () =>
          jobs
            .get(job.metadata?.name ?? '')
            .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
      },
      this.s.pods.cache.list(namespace),
    );
  }

  /** deleteActivePods: DELETE keeping the finalizers (the pods are counted as failed later). */
  async deleteActivePods(
    job: Job,
    pods: Pod[],
  ): Promise<{ deleted: number; deletedReady: number; error?: unknown }> {
    const results = await Promise.allSettled(pods.map((p) => this.s.podControl.deletePod(job, p)));
    let deleted = 0;
    let deletedReady = 0;
    let error: unknown;
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') deleted++;
      else error ??= r.reason;
      if (isPodReady(pods[i] as Pod)) deletedReady++;
    });
    return { deleted, deletedReady, error };
  }

  /** deleteJobPods: removes the finalizer first, so the pods are not counted as failed. */
  async deleteJobPods(
    job: Job,
    pods: Pod[],
  ): Promise<{ deleted: number; deletedReady: number; error?: unknown }> {
    let deleted = 0;
    let deletedReady = 0;
    let error: unknown;
    await Promise.all(
      pods.map(async (pod) => {
        try {
          await this.removeTrackingFinalizer(pod);
          await this.s.podControl.deletePod(job, pod);
          deleted++;
        } catch (err) {
          this.s.expectations.deletionObserved(namespacedKey(job), namespacedKey(pod));
          error ??= err;
        }
        if (isPodReady(pod)) deletedReady++;
      }),
    );
    return { deleted, deletedReady, error };
  }

  /** Patches the tracking finalizer away; NotFound counts as done. */
  async removeTrackingFinalizer(pod: Pod): Promise<void> {
    const finalizers = pod.metadata?.finalizers ?? [];
    if (!finalizers.includes(JOB_TRACKING_FINALIZER)) return;
    const client = this.s.ctx.clients.resource<Pod>(PODS, pod.metadata?.namespace);
    try {
      // A merge patch replaces the list (a strategic one would merge it, finalizers being a set).
      await client.patch(pod.metadata?.name ?? '', 'merge', {
        metadata: { finalizers: finalizers.filter((f) => f !== JOB_TRACKING_FINALIZER) },
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
