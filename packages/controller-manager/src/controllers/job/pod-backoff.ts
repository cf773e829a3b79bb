/**
 * The delay before failed pods are replaced (backoff_utils.go): 10 s after the last failure,
 * doubling per failure since the last success, capped at 6 minutes.
 */
import type { Pod } from '@kubelab/api';
import { podFinishedTime } from './job-pods.js';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 360_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** Epoch ms of the last counted failure. */
  lastFailureTime?: number | undefined;
}

/** newBackoffRecord: the previous record advanced by the newly finished pods. */
export function nextBackoffRecord(
  prev: BackoffRecord | undefined,
  newSucceeded: Pod[],
  newFailed: Pod[],
): BackoffRecord {
  const rec: BackoffRecord = { ...(prev ?? { failuresAfterLastSuccess: 0 }) };
  const failedTimes = newFailed.map(podFinishedTime).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return rec;
    return {
      failuresAfterLastSuccess: rec.failuresAfterLastSuccess + failedTimes.length,
      lastFailureTime: failedTimes[failedTimes.length - 1],
    };
  }
  const lastSuccess = Math.max(...newSucceeded.map(podFinishedTime));
  const out: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (let i = failedTimes.length - 1; i >= 0; i--) {
    const t = failedTimes[i] ?? 0;
    if (t <= lastSuccess) break;
    out.lastFailureTime ??= t;
    out.failuresAfterLastSuccess++;
  }
  return out;
}

/** getRemainingTime: how long pod creation still waits (0: create now). */
export function remainingBackoffMs(rec: BackoffRecord | undefined, nowMs: number): number {
  if (!rec || rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  let backoff = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < rec.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_JOB_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_JOB_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = nowMs - rec.lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
