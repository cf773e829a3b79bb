/**
 * The Jobs of a CronJob (cronjob utils.go and cronjob_controllerv2.go): the Job built for one
 * scheduled time, the finished Jobs beyond the history limits, and the active list.
 */
import type { CronJob, Job, ObjectReference, OwnerReference } from '@kubelab/api';
import { formatInZone } from './cron-schedule.js';
import { jobNameFor } from './schedule-times.js';

export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION =
  'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** getJobFromTemplate2: labels and annotations copied, a deterministic name, the owner. */
export function jobFromTemplate(cj: CronJob, scheduledMs: number, ref: OwnerReference): Job {
  const tmpl = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj.metadata?.name ?? '', scheduledMs),
      labels: { ...tmpl.metadata?.labels },
      annotations: {
        ...tmpl.metadata?.annotations,
        [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: formatInZone(
          scheduledMs,
          cj.spec?.timeZone ?? '',
        ),
      },
      ownerReferences: [ref],
    },
    spec: structuredClone(tmpl.spec ?? { template: {} }),
  };
}

export type FinishedType = 'Complete' | 'Failed';

/** The Complete or Failed condition that is True, if any. */
export function finishedType(job: Job): FinishedType | undefined {
  const c = (job.status?.conditions ?? []).find(
    (x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True',
  );
  return c?.type as FinishedType | undefined;
}

/** byJobStartTime: earlier startTime first, jobs without one last, then by name. */
function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa === sb) return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  return Date.parse(sa ?? '') - Date.parse(sb ?? '');
}

/** cleanupFinishedJobs: the oldest finished Jobs beyond successful/failedJobsHistoryLimit. */
export function jobsToCleanUp(cj: CronJob, jobs: Job[]): Job[] {
  const out: Job[] = [];
  const pick = (type: FinishedType, limit: number | undefined): void => {
    if (limit === undefined || limit === null) return;
    const done = jobs.filter((j) => finishedType(j) === type).sort(byStartTime);
    out.push(...done.slice(0, Math.max(0, done.length - limit)));
  };
  pick('Complete', cj.spec?.successfulJobsHistoryLimit);
  pick('Failed', cj.spec?.failedJobsHistoryLimit);
  return out;
}

export function inActiveList(cj: CronJob, uid: string | undefined): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

export function deleteFromActiveList(cj: CronJob, uid: string | undefined): void {
  const status = (cj.status ??= {});
  status.active = (status.active ?? []).filter((r) => r.uid !== uid);
}

/** ref.GetReference for a Job. */
export function jobReference(job: Job): ObjectReference {
  return {
    kind: 'Job',
    namespace: job.metadata?.namespace ?? '',
    name: job.metadata?.name ?? '',
    uid: job.metadata?.uid ?? '',
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata?.resourceVersion ?? '',
  };
}
