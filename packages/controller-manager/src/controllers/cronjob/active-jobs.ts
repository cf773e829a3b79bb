/**
 * The first part of syncCronJob (cronjob_controllerv2.go): finished Jobs leave status.active
 * (SawCompletedJob) and set lastSuccessfulTime, unknown running Jobs are reported
 * (UnexpectedJob), and active entries whose Job is gone are dropped (MissingJob).
 */
import { isNotFound, type CronJob, type Job } from '@kubelab/api';
import type { ResourceClient } from '@kubelab/api/client';
import type { EventType } from '../../framework/event-recorder.js';
import { deleteFromActiveList, finishedType, inActiveList } from './cronjob-jobs.js';

export interface ActiveJobsInput {
  /** Mutated: its status is brought up to date. */
  cronJob: CronJob;
  jobs: Job[];
  cronJobs: ResourceClient<CronJob>;
  jobClient: ResourceClient<Job>;
  event(type: EventType, reason: string, message: string): void;
}

export async function reconcileActiveJobs(
  o: ActiveJobsInput,
): Promise<{ updateStatus: boolean; error?: unknown }> {
  const { cronJob: cj, jobs, event } = o;
  let updateStatus = false;
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata?.uid ?? '');
    const found = inActiveList(cj, j.metadata?.uid);
    const finished = finishedType(j);
    if (!found && !finished) {
      const fresh = await o.cronJobs.get(cj.metadata?.name ?? '');
      if (inActiveList(fresh, j.metadata?.uid)) {
        Object.assign(cj, fresh);
        continue;
      }
      event(
        'Warning',
        'UnexpectedJob',
        `Saw a job that the controller did not create or forgot: ${j.metadata?.name ?? ''}`,
      );
    } else if (finished) {
      if (found) {
        deleteFromActiveList(cj, j.metadata?.uid);
        event(
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${j.metadata?.name ?? ''}, status: ${finished}`,
        );
        updateStatus = true;
      }
      const completion = j.status?.completionTime;
      if (finished === 'Complete' && completion) {
        const last = cj.status?.lastSuccessfulTime;
        if (!last || Date.parse(completion) > Date.parse(last)) {
          (cj.status ??= {}).lastSuccessfulTime = completion;
          updateStatus = true;
        }
      }
    }
  }
  for (const ref of [...(cj.status?.active ?? [])]) {
    if (children.has(ref.uid ?? '')) continue;
    try {
      await o.jobClient.get(ref.name ?? '');
    } catch (err) {
      if (!isNotFound(err)) return { updateStatus, error: err };
      event('Normal', 'MissingJob', `Active job went missing: ${ref.name ?? ''}`);
      deleteFromActiveList(cj, ref.uid);
      updateStatus = true;
    }
  }
  return { updateStatus };
}
