/**
 * How many pods a Job wants running (manageJob) and which active pods go first when there are
 * too many (activePodsForRemoval).
 */
import type { Job, Pod } from '@kubelab/api';
import { sortActivePodsWithRanks } from '../../util/active-pods.js';
import { splitDuplicatedIndexPods } from './completed-indexes.js';
import { isIndexedJob } from './job-pods.js';

/**
 * Without completions: parallelism until a pod succeeded, then whatever runs; with completions:
 * the remaining completions, at most parallelism.
 */
export function wantActive(job: Job, active: number, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null)
    return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/** At least `rmAtLeast` active pods to delete, duplicated or out-of-range indexes first. */
export function activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left = pods;
  if (isIndexedJob(job)) {
    const split = splitDuplicatedIndexPods(pods, job.spec?.completions ?? 0);
    rm = split.remove;
    left = split.keep;
  }
  if (rm.length < rmAtLeast) {
    // controller.ActivePods: equal ranks and no clock give the plain (not logarithmic) order.
    const sorted = sortActivePodsWithRanks({ pods: left, rank: left.map(() => 0), nowMs: 0 });
    rm = [...rm, ...sorted.slice(0, rmAtLeast - rm.length)];
  }
  return rm;
}
