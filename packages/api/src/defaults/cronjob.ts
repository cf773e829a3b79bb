/** SetDefaults_CronJob (batch/v1): Allow, not suspended, keep 3 successful and 1 failed job. */
import type { CronJob } from 'kubernetes-types/batch/v1.js';
import { defaultPodSpec } from './pod.js';

export function defaultCronJob(cj: CronJob): void {
  const spec = (cj.spec ??= { schedule: '', jobTemplate: {} });
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const podSpec = spec.jobTemplate?.spec?.template?.spec;
  if (podSpec) defaultPodSpec(podSpec);
}
