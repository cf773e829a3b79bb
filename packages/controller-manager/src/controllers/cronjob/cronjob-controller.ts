/**
 * The CronJob controller (pkg/controller/cronjob, ControllerV2): creates a Job named
 * `<cronjob>-<minutes since the epoch>` at each scheduled time (concurrencyPolicy,
 * startingDeadlineSeconds, suspend), tracks them in status.active, records the last schedule and
 * success, and deletes finished Jobs beyond the history limits. Each CronJob is requeued for its
 * next activation through the injected clock.
 */
import {
  isAlreadyExists,
  isApiError,
  rfc3339,
  type CronJob,
  type Job,
  type Logger,
} from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import {
  getControllerOf,
  namespacedKey,
  newControllerRef,
  refersTo,
  splitKey,
} from '../../framework/controller-ref.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { CRON_JOBS, JOBS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { parseCronSchedule, timeZoneError, type CronSchedule } from './cron-schedule.js';
import {
  deleteFromActiveList,
  inActiveList,
  jobFromTemplate,
  jobReference,
  jobsToCleanUp,
} from './cronjob-jobs.js';
import { reconcileActiveJobs } from './active-jobs.js';
import { rfc1123z } from './go-time.js';
import { jobNameFor, mostRecentScheduleTime, nextScheduleTimeDuration } from './schedule-times.js';

export interface CronJobControllerOptions {
  workers?: number;
}

interface SyncResult {
  requeueAfterMs?: number | undefined;
  updateStatus: boolean;
  error?: unknown;
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  readonly queue: WorkQueue<string>;
  private readonly cronJobs: Informer<CronJob>;
  private readonly jobs: Informer<Job>;
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: CronJobControllerOptions = {},
  ) {
    this.logger = ctx.logger.named('cronjob_controllerv2.go');
    this.recorder = ctx.recorder('cronjob-controller');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.cronJobs = ctx.informers.informer<CronJob>(CRON_JOBS);
    this.jobs = ctx.informers.informer<Job>(JOBS);
    this.cronJobs.on('add', (cj) => this.queue.add(namespacedKey(cj)));
    this.cronJobs.on('update', (cj, old) => this.updateCronJob(cj, old));
    this.cronJobs.on('delete', (cj) => this.queue.add(namespacedKey(cj)));
    this.jobs.on('add', (job) => this.enqueueParent(job));
    this.jobs.on('update', (job, old) => {
      if (job.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
      if (JSON.stringify(getControllerOf(job)) !== JSON.stringify(getControllerOf(old)))
        this.enqueueParent(old);
      this.enqueueParent(job);
    });
    this.jobs.on('delete', (job) => this.enqueueParent(job));
  }

  private enqueueParent(job: Job): void {
    const ref = getControllerOf(job);
    if (!ref || !refersTo(ref, CRON_JOBS)) return;
    const cj = this.cronJobs.cache.get(job.metadata?.namespace, ref.name);
    if (cj && cj.metadata?.uid === ref.uid) this.queue.add(namespacedKey(cj));
  }

  /** A changed schedule or time zone requeues at the new next activation. */
  private updateCronJob(cj: CronJob, old: CronJob): void {
    const key = namespacedKey(cj);
    if (cj.spec?.schedule === old.spec?.schedule && cj.spec?.timeZone === old.spec?.timeZone) {
      this.queue.add(key);
      return;
    }
    let schedule: CronSchedule;
    try {
      schedule = parseCronSchedule(cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '');
    } catch {
      this.queue.add(key);
      return;
    }
    const after = nextScheduleTimeDuration(cj, this.ctx.clock.now(), schedule);
    if (after === undefined) this.queue.add(key);
    else this.queue.addAfter(key, after);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting cronjob controller v2');
    await runWorkers(
      {
        queue: this.queue,
        sync: async (key) => {
          const after = await this.sync(key);
          if (after !== undefined) this.queue.addAfter(key, after);
        },
        workers: this.opts.workers ?? 5,
        logger: this.logger,
        errorMessage: 'Error syncing CronJobController',
      },
      signal,
    );
  }

  /** Reconciles one CronJob; returns when to look again. */
  async sync(key: string): Promise<number | undefined> {
    const { namespace, name } = splitKey(key);
    const shared = this.cronJobs.cache.get(namespace, name);
    if (!shared) return undefined;
    const jobs = this.jobs.cache
      .list(namespace)
      .filter((j) => getControllerOf(j)?.name === shared.metadata?.name);
    const cj = structuredClone(shared);
    const cleaned = await this.cleanupFinishedJobs(cj, jobs);
    const r = await this.syncCronJob(cj, jobs);
    if (r.error)
      this.logger.info('Error reconciling cronjob', { cronjob: key, err: String(r.error) });
    if (cleaned || r.updateStatus) {
      const client = this.ctx.clients.resource<CronJob>(CRON_JOBS, namespace);
      await client.updateStatus(cj);
    }
    if (r.requeueAfterMs !== undefined) return r.requeueAfterMs;
    if (r.error) throw r.error;
    return undefined;
  }

  private event(cj: CronJob, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event(objectReference(CRON_JOBS, cj), type, reason, message);
  }

  private async cleanupFinishedJobs(cj: CronJob, jobs: Job[]): Promise<boolean> {
    let changed = false;
    for (const job of jobsToCleanUp(cj, jobs)) if (await this.deleteJob(cj, job)) changed = true;
    return changed;
  }

  /** deleteJob: background propagation, then out of the active list. */
  private async deleteJob(cj: CronJob, job: Job): Promise<boolean> {
    try {
      await this.ctx.clients
        .resource<Job>(JOBS, job.metadata?.namespace)
        .delete(job.metadata?.name ?? '', { propagationPolicy: 'Background' });
    } catch (err) {
      this.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${(err as Error).message}`);
      return false;
    }
    deleteFromActiveList(cj, job.metadata?.uid);
    this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata?.name ?? ''}`);
    return true;
  }

  private async syncCronJob(cronJob: CronJob, jobs: Job[]): Promise<SyncResult> {
    const cj = cronJob;
    const now = this.ctx.clock.now();
    const jobClient = this.ctx.clients.resource<Job>(JOBS, cj.metadata?.namespace);
    const tracked = await reconcileActiveJobs({
      cronJob: cj,
      jobs,
      cronJobs: this.ctx.clients.resource<CronJob>(CRON_JOBS, cj.metadata?.namespace),
      jobClient,
      event: (type, reason, message) => this.event(cj, type, reason, message),
    });
    if (tracked.error) return { updateStatus: tracked.updateStatus, error: tracked.error };
    let updateStatus = tracked.updateStatus;
    if (cj.metadata?.deletionTimestamp) return { updateStatus };
    const tz = cj.spec?.timeZone;
    if (tz !== undefined && tz !== null) {
      const tzErr = timeZoneError(tz);
      if (tzErr) {
        this.event(
          cj,
          'Warning',
          'UnknownTimeZone',
          `invalid timeZone: ${JSON.stringify(tz)}: ${tzErr}`,
        );
        return { updateStatus };
      }
    }
    if (cj.spec?.suspend === true) return { updateStatus };
    const spec = cj.spec?.schedule ?? '';
    if (spec.includes('TZ'))
      this.event(
        cj,
        'Warning',
        'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule ${JSON.stringify(spec)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    let schedule: CronSchedule;
    try {
      schedule = parseCronSchedule(spec, tz ?? '');
    } catch (err) {
      this.event(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: ${JSON.stringify(spec)} : ${(err as Error).message}`,
      );
      return { updateStatus };
    }
    const recent = mostRecentScheduleTime(cj, now, schedule, true);
    if (recent.error) {
      this.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec} : ${recent.error}`);
      return { updateStatus };
    }
    const next = (): number | undefined => nextScheduleTimeDuration(cj, now, schedule);
    const scheduled = recent.mostRecent;
    if (scheduled === undefined || scheduled > now) return { requeueAfterMs: next(), updateStatus };
    if (recent.missed === 'many')
      this.event(
        cj,
        'Warning',
        'TooManyMissedTimes',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      );
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      this.event(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
      );
      return { requeueAfterMs: next(), updateStatus };
    }
    const jobName = jobNameFor(cj.metadata?.name ?? '', scheduled);
    const last = cj.status?.lastScheduleTime;
    if (
      (cj.status?.active ?? []).some((r) => r.name === jobName) ||
      (last && Date.parse(last) === scheduled)
    )
      return { requeueAfterMs: next(), updateStatus };
    const policy = cj.spec?.concurrencyPolicy;
    if (policy === 'Forbid' && (cj.status?.active ?? []).length > 0) {
      this.event(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      return { requeueAfterMs: next(), updateStatus };
    }
    if (policy === 'Replace') {
      for (const ref of [...(cj.status?.active ?? [])]) {
        let job: Job;
        try {
          job = await jobClient.get(ref.name ?? '');
        } catch (err) {
          this.event(cj, 'Warning', 'FailedGet', `Get job: ${(err as Error).message}`);
          return { updateStatus, error: err };
        }
        if (!(await this.deleteJob(cj, job)))
          return {
            updateStatus,
            error: new Error(
              `could not replace job ${job.metadata?.namespace ?? ''}/${job.metadata?.name ?? ''}`,
            ),
          };
        updateStatus = true;
      }
    }
    const req = jobFromTemplate(cj, scheduled, newControllerRef(cj, CRON_JOBS));
    let created: Job;
    try {
      created = await jobClient.create(req);
      this.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata?.name ?? ''}`);
    } catch (err) {
      if (isApiError(err) && err.details?.causes?.some((c) => c.type === 'NamespaceTerminating'))
        return { updateStatus, error: err };
      if (!isAlreadyExists(err)) {
        this.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
        return { updateStatus, error: err };
      }
      created = await jobClient.get(jobName);
      if (getControllerOf(created)?.uid !== cj.metadata?.uid) return { updateStatus };
      if (inActiveList(cj, created.metadata?.uid)) return { updateStatus };
      this.logger.info('Job already exists', { cronjob: namespacedKey(cj), job: jobName });
    }
    const status = (cj.status ??= {});
    status.active = [...(status.active ?? []), jobReference(created)];
    status.lastScheduleTime = rfc3339(scheduled);
    return { requeueAfterMs: next(), updateStatus: true };
  }
}
