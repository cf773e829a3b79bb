/**
 * Indexed Jobs' index sets (indexed_job_utils.go orderedIntervals): status.completedIndexes is
 * `1,3-5,7` (runs of three or more as first-last), and the pending indexes are those neither
 * succeeded nor held by an active pod.
 */
import type { Job, Pod } from '@kubelab/api';
import { getCompletionIndex, hasJobTrackingFinalizer } from './job-pods.js';

/** Parses `1,3-5,7` into sorted indexes below `completions` (invalid parts are skipped). */
export function parseIndexes(text: string | undefined, completions: number): number[] {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    for (let i = first; i <= last && i < completions; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** Formats sorted indexes as the API does: runs of three or more become `first-last`. */
export function formatIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const first = sorted[i] ?? 0;
    const last = sorted[j] ?? 0;
    if (j - i >= 2) parts.push(`${first}-${last}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}

/** calculateSucceededIndexes: those in the status, and those of succeeded pods not yet counted. */
export function succeededIndexes(job: Job, pods: Pod[]): { previous: number[]; current: number[] } {
  const completions = job.spec?.completions ?? 0;
  const previous = parseIndexes(job.status?.completedIndexes, completions);
  const current = new Set(previous);
  for (const p of pods) {
    if (p.status?.phase !== 'Succeeded' || !hasJobTrackingFinalizer(p)) continue;
    const ix = getCompletionIndex(p);
    if (ix >= 0 && ix < completions) current.add(ix);
  }
  return { previous, current: [...current].sort((a, b) => a - b) };
}

/** firstPendingIndexes: the lowest `count` indexes neither succeeded nor active. */
export function firstPendingIndexes(
  active: Pod[],
  succeeded: number[],
  count: number,
  completions: number,
): number[] {
  const taken = new Set(succeeded);
  for (const p of active) {
    const ix = getCompletionIndex(p);
    if (ix >= 0) taken.add(ix);
  }
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: active pods with no valid index, an index out of range or
 * an index another pod already holds must go; the rest are kept.
 */
export function splitDuplicatedIndexPods(
  pods: Pod[],
  completions: number,
): { remove: Pod[]; keep: Pod[] } {
  const sorted = [...pods].sort((a, b) => getCompletionIndex(a) - getCompletionIndex(b));
  const remove: Pod[] = [];
  const keep: Pod[] = [];
  let last = -1;
  for (const p of sorted) {
    const ix = getCompletionIndex(p);
    if (ix < 0 || ix >= completions || ix === last) remove.push(p);
    else {
      keep.push(p);
      last = ix;
    }
  }
  return { remove, keep };
}
