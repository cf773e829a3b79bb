/**
 * The Job controller (pkg/controller/job): runs a Job's pods to completion. Pods carry the
 * batch.kubernetes.io/job-tracking finalizer until the controller has counted them; the Job
 * gets SuccessCriteriaMet then Complete, or FailureTarget then Failed, as in 1.32.
 */
import { labelSelectorFromMeta, type Job, type Logger, type Pod } from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import {
  getControllerOf,
  namespacedKey,
  refersTo,
  splitKey,
} from '../../framework/controller-ref.js';
import type { EventRecorder } from '../../framework/event-recorder.js';
import { ControllerExpectations } from '../../framework/expectations.js';
import { PodControl } from '../../framework/pod-control.js';
import { JOBS, PODS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { FinalizerExpectations } from './finalizer-expectations.js';
import { isJobFinished } from './job-conditions.js';
import { hasJobTrackingFinalizer } from './job-pods.js';
import { JobSyncer } from './job-syncer.js';
import type { BackoffRecord } from './pod-backoff.js';

/** syncJobBatchPeriod: pod events are folded into one sync per second. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
export const JOB_CONTROLLER_MANAGED_BY = 'kubernetes.io/job-controller';

export interface JobControllerOptions {
  workers?: number;
}

/** State the sync shares with the event handlers. */
export interface JobControllerState {
  readonly ctx: ControllerContext;
  readonly queue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  readonly finalizerExpectations: FinalizerExpectations;
  readonly backoff: Map<string, BackoffRecord>;
  readonly jobs: Informer<Job>;
  readonly pods: Informer<Pod>;
  readonly podControl: PodControl;
  readonly recorder: EventRecorder;
  readonly logger: Logger;
}

/** managedByExternalController: spec.managedBy names another controller. */
export function managedByExternalController(job: Job): boolean {
  const by = job.spec?.managedBy;
  return by !== undefined && by !== JOB_CONTROLLER_MANAGED_BY;
}

export class JobController implements Controller, JobControllerState {
  readonly name = 'job-controller';
  readonly queue: WorkQueue<string>;
  readonly orphanQueue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  readonly finalizerExpectations = new FinalizerExpectations();
  readonly backoff = new Map<string, BackoffRecord>();
  readonly jobs: Informer<Job>;
  readonly pods: Informer<Pod>;
  readonly podControl: PodControl;
  readonly recorder: EventRecorder;
  readonly logger: Logger;
  private readonly syncer: JobSyncer;

  constructor(
    readonly ctx: ControllerContext,
    private readonly opts: JobControllerOptions = {},
  ) {
    this.logger = ctx.logger.named('job_controller.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.orphanQueue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.expectations = new ControllerExpectations(ctx.clock);
    this.jobs = ctx.informers.informer<Job>(JOBS);
    this.pods = ctx.informers.informer<Pod>(PODS);
    this.recorder = ctx.recorder('job-controller');
    this.podControl = new PodControl({
      clients: ctx.clients,
      recorder: this.recorder,
      ownerKind: JOBS,
    });
    this.syncer = new JobSyncer(this);
    this.jobs.on('add', (job) => this.enqueueJob(job, 0));
    this.jobs.on('update', (job, old) => {
      if (old.metadata?.uid !== job.metadata?.uid) this.forgetJob(namespacedKey(old));
      this.enqueueJob(job, 0);
    });
    this.jobs.on('delete', (job) => this.deleteJob(job));
    this.pods.on('add', (pod) => this.addPod(pod));
    this.pods.on('update', (pod, old) => this.updatePod(pod, old));
    this.pods.on('delete', (pod) => this.deletePod(pod, true));
  }

  private enqueueJob(job: Job, delayMs: number): void {
    if (managedByExternalController(job)) return;
    if (delayMs > 0) this.queue.addAfter(namespacedKey(job), delayMs);
    else this.queue.add(namespacedKey(job));
  }

  private forgetJob(key: string): void {
    this.expectations.delete(key);
    this.finalizerExpectations.deleteExpectations(key);
    this.backoff.delete(key);
  }

  /** The Job's pods keep their finalizer only while it can count them: release them. */
  private deleteJob(job: Job): void {
    this.forgetJob(namespacedKey(job));
    this.queue.add(namespacedKey(job));
    for (const pod of this.pods.cache.list(job.metadata?.namespace ?? '')) {
      if (getControllerOf(pod)?.uid === job.metadata?.uid && hasJobTrackingFinalizer(pod))
        this.orphanQueue.add(namespacedKey(pod));
    }
  }

  private resolveControllerRef(pod: Pod, ref = getControllerOf(pod)): Job | undefined {
    if (!ref || !refersTo(ref, JOBS)) return undefined;
    const job = this.jobs.cache.get(pod.metadata?.namespace, ref.name);
    return job && job.metadata?.uid === ref.uid ? job : undefined;
  }

  /** Jobs whose selector matches an orphan pod. */
  private podJobs(pod: Pod): Job[] {
    return this.jobs.cache.list(pod.metadata?.namespace ?? '').filter((job) => {
      try {
        const sel = labelSelectorFromMeta(job.spec?.selector);
        return !sel.empty && sel.matches(pod.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod, false);
    const ref = getControllerOf(pod);
    if (ref) {
      const job = this.resolveControllerRef(pod, ref);
      if (!job) {
        if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(namespacedKey(pod));
        return;
      }
      this.expectations.creationObserved(namespacedKey(job));
      this.enqueueJob(job, SYNC_JOB_BATCH_PERIOD_MS);
      return;
    }
    if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(namespacedKey(pod));
    for (const job of this.podJobs(pod)) this.enqueueJob(job, SYNC_JOB_BATCH_PERIOD_MS);
  }

  private updatePod(pod: Pod, old: Pod): void {
    if (pod.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod, false);
    const finalizerRemoved = !hasJobTrackingFinalizer(pod);
    const uid = pod.metadata?.uid ?? '';
    const curRef = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const oldJob = this.resolveControllerRef(old, oldRef);
      if (oldJob) {
        if (finalizerRemoved)
          this.finalizerExpectations.finalizerRemovalObserved(namespacedKey(oldJob), uid);
        this.enqueueJob(oldJob, SYNC_JOB_BATCH_PERIOD_MS);
      }
    }
    if (curRef) {
      const job = this.resolveControllerRef(pod, curRef);
      if (!job) return;
      if (finalizerRemoved)
        this.finalizerExpectations.finalizerRemovalObserved(namespacedKey(job), uid);
      // Backoff applies from a pod's first failure only.
      const firstFailure = pod.status?.phase === 'Failed' && old.status?.phase !== 'Failed';
      this.enqueueJob(job, firstFailure ? SYNC_JOB_BATCH_PERIOD_MS : 0);
      return;
    }
    const labelChanged =
      JSON.stringify(pod.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (labelChanged || refChanged)
      for (const job of this.podJobs(pod)) this.enqueueJob(job, SYNC_JOB_BATCH_PERIOD_MS);
  }

  /** A pod went away (final) or started terminating. */
  private deletePod(pod: Pod, final: boolean): void {
    const hasFinalizer = hasJobTrackingFinalizer(pod);
    const job = this.resolveControllerRef(pod);
    if (!job || isJobFinished(job)) {
      if (hasFinalizer && !final) this.orphanQueue.add(namespacedKey(pod));
      return;
    }
    const key = namespacedKey(job);
    this.expectations.deletionObserved(key, namespacedKey(pod));
    if (final || !hasFinalizer)
      this.finalizerExpectations.finalizerRemovalObserved(key, pod.metadata?.uid ?? '');
    this.enqueueJob(job, SYNC_JOB_BATCH_PERIOD_MS);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting job controller');
    await Promise.all([
      runWorkers(
        {
          queue: this.queue,
          sync: (k) => this.syncJob(k),
          workers: this.opts.workers ?? 5,
          logger: this.logger,
          errorMessage: 'Error syncing job',
        },
        signal,
      ),
      runWorkers(
        {
          queue: this.orphanQueue,
          sync: (k) => this.handleOrphanPod(k),
          workers: 1,
          logger: this.logger,
          errorMessage: 'Error handling orphan pod',
        },
        signal,
      ),
    ]);
  }

  syncJob(key: string): Promise<void> {
    return this.syncer.syncJob(key);
  }

  /** Removes the tracking finalizer of a pod no unfinished Job of this controller counts. */
  async handleOrphanPod(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.cache.get(namespace, name);
    if (!pod || !hasJobTrackingFinalizer(pod)) return;
    const ref = getControllerOf(pod);
    if (ref) {
      if (!refersTo(ref, JOBS) || ref.apiVersion !== 'batch/v1') return;
      const job = this.resolveControllerRef(pod, ref);
      if (job && managedByExternalController(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    await this.syncer.removeTrackingFinalizer(pod);
  }
}
