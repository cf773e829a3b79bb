/**
 * Which scheduled time a CronJob should run now, and when to look again (cronjob utils.go
 * mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration).
 */
import type { CronJob } from '@kubelab/api';
import type { CronSchedule } from './cron-schedule.js';

export type MissedSchedules = 'none' | 'few' | 'many';

/** Requeue this long after the next activation, so the sync sees it as due. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export interface MostRecent {
  /** The last schedule time, or the CronJob's creation. */
  earliest: number;
  /** The most recent activation not after now, if any. */
  mostRecent?: number | undefined;
  missed: MissedSchedules;
  error?: string;
}

export function mostRecentScheduleTime(
  cj: CronJob,
  nowMs: number,
  schedule: CronSchedule,
  includeStartingDeadline: boolean,
): MostRecent {
  let earliest = Date.parse(cj.metadata?.creationTimestamp ?? '') || 0;
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline !== undefined && deadline !== null) {
    const schedulingDeadline = nowMs - deadline * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const t1 = schedule.next(earliest);
  if (t1 === undefined || nowMs < t1) return { earliest, missed: 'none' };
  const t2 = schedule.next(t1);
  if (t2 === undefined || nowMs < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1)
    return {
      earliest,
      missed: 'none',
      error: 'time difference between two schedules is less than 1 second',
    };
  const elapsed = Math.trunc((nowMs - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  for (
    let t = schedule.next(potentialEarliest);
    t !== undefined && t <= nowMs;
    t = schedule.next(t)
  )
    mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: how long until the activation after the most recent one. */
export function nextScheduleTimeDuration(
  cj: CronJob,
  nowMs: number,
  schedule: CronSchedule,
): number | undefined {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let from: number;
  if (r.error) from = nowMs;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : nowMs;
  else from = r.mostRecent;
  const next = schedule.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** getTimeHashInMinutes: the Job's name suffix. */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}
