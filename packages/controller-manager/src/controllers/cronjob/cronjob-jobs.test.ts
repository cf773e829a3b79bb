import type { CronJob, Job } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { jobFromTemplate, jobsToCleanUp } from './cronjob-jobs.js';

const cj: CronJob = {
  metadata: { name: 'hello', namespace: 'default', uid: 'u1' },
  spec: {
    schedule: '* * * * *',
    timeZone: 'Asia/Tokyo',
    successfulJobsHistoryLimit: 1,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: { labels: { app: 'hello' }, annotations: { note: 'x' } },
      spec: {
        template: {
          spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] },
        },
      },
    },
  },
};
const ref = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  name: 'hello',
  uid: 'u1',
  controller: true,
  blockOwnerDeletion: true,
};

describe('jobFromTemplate', () => {
  it('names the Job after the scheduled minute and records the scheduled time', () => {
    const job = jobFromTemplate(cj, Date.parse('2026-01-01T00:00:00Z'), ref);
    expect(job.metadata).toEqual({
      name: 'hello-29453760',
      labels: { app: 'hello' },
      annotations: {
        note: 'x',
        'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T09:00:00+09:00',
      },
      ownerReferences: [ref],
    });
    expect(job.spec).toEqual(cj.spec?.jobTemplate.spec);
  });
});

describe('jobsToCleanUp', () => {
  const job = (name: string, type: string, startTime?: string): Job => ({
    metadata: { name },
    status: { ...(startTime ? { startTime } : {}), conditions: [{ type, status: 'True' }] },
  });
  it('keeps the newest finished jobs within the limits', () => {
    const jobs = [
      job('c', 'Complete', '2026-01-01T00:03:00Z'),
      job('a', 'Complete', '2026-01-01T00:01:00Z'),
      job('b', 'Complete', '2026-01-01T00:02:00Z'),
      job('f1', 'Failed', '2026-01-01T00:01:00Z'),
      job('f2', 'Failed'),
      job('running', 'Suspended'),
    ];
    expect(jobsToCleanUp(cj, jobs).map((j) => j.metadata?.name)).toEqual(['a', 'b', 'f1']);
  });
});
