import type { CronJob } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from './cron-schedule.js';
import { jobNameFor, mostRecentScheduleTime, nextScheduleTimeDuration } from './schedule-times.js';

const at = (iso: string): number => Date.parse(iso);
const cronJob = (status: CronJob['status'] = {}, startingDeadlineSeconds?: number): CronJob => ({
  metadata: { name: 'hello', creationTimestamp: '2026-01-01T10:00:30Z' },
  spec: {
    schedule: '* * * * *',
    jobTemplate: {},
    ...(startingDeadlineSeconds === undefined ? {} : { startingDeadlineSeconds }),
  },
  status,
});
const everyMinute = parseCronSchedule('* * * * *');

describe('mostRecentScheduleTime', () => {
  it('has nothing to run before the first activation after creation', () => {
    const r = mostRecentScheduleTime(cronJob(), at('2026-01-01T10:00:59Z'), everyMinute, true);
    expect(r).toEqual({ earliest: at('2026-01-01T10:00:30Z'), missed: 'none' });
  });

  it('returns the activation that is due', () => {
    const r = mostRecentScheduleTime(cronJob(), at('2026-01-01T10:01:05Z'), everyMinute, true);
    expect(r.mostRecent).toBe(at('2026-01-01T10:01:00Z'));
    expect(r.missed).toBe('none');
  });

  it('returns the latest of several missed activations, and many after more than 100', () => {
    const few = mostRecentScheduleTime(cronJob(), at('2026-01-01T10:05:10Z'), everyMinute, true);
    expect(few).toMatchObject({ mostRecent: at('2026-01-01T10:05:00Z'), missed: 'few' });
    const many = mostRecentScheduleTime(cronJob(), at('2026-01-01T13:00:10Z'), everyMinute, true);
    expect(many).toMatchObject({ mostRecent: at('2026-01-01T13:00:00Z'), missed: 'many' });
  });

  it('starts from lastScheduleTime and the starting deadline', () => {
    const last = cronJob({ lastScheduleTime: '2026-01-01T11:00:00Z' });
    expect(
      mostRecentScheduleTime(last, at('2026-01-01T11:00:30Z'), everyMinute, true).mostRecent,
    ).toBeUndefined();
    const deadline = cronJob({}, 30);
    const r = mostRecentScheduleTime(deadline, at('2026-01-01T13:00:10Z'), everyMinute, true);
    expect(r).toMatchObject({ mostRecent: at('2026-01-01T13:00:00Z'), missed: 'none' });
  });
});

describe('nextScheduleTimeDuration', () => {
  it('waits until just after the next activation', () => {
    const cj = cronJob({ lastScheduleTime: '2026-01-01T11:00:00Z' });
    expect(nextScheduleTimeDuration(cj, at('2026-01-01T11:00:20Z'), everyMinute)).toBe(40_100);
  });
});

describe('jobNameFor', () => {
  it('suffixes the scheduled time in minutes since the epoch', () => {
    expect(jobNameFor('hello', at('2026-01-01T00:00:00Z'))).toBe('hello-29453760');
  });
});
