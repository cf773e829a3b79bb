/** Per-pod backoff (podInitialBackoffSeconds 1, podMaxBackoffSeconds 10): 1 s doubling per attempt, capped. */
export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;

export function backoffDuration(attempts: number, initial = POD_INITIAL_BACKOFF_MS, max = POD_MAX_BACKOFF_MS): number {
  if (attempts === 0) return 0;
  let d = initial;
  for (let i = 1; i < attempts; i++) {
    if (d > max - d) return max;
    d += d;
  }
  return d;
}
