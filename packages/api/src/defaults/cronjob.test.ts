import type { CronJob } from 'kubernetes-types/batch/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultCronJob } from './cronjob.js';

describe('defaultCronJob', () => {
  it('defaults the policy, suspension, history limits and the pod template', () => {
    const cj: CronJob = { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } } };
    defaultCronJob(cj);
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec?.jobTemplate.spec?.template.spec?.restartPolicy).toBe('Always');
  });
});
