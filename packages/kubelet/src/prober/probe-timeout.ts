/** Races work against a timeout measured on the injected clock. */
import type { Clock } from '@kubelab/api';
import { ProbeTimeoutError } from './go-net-error.js';

/** Runs fn with a signal that aborts after timeoutMs; rejects with ProbeTimeoutError then. */
export async function withTimeout<T>(
  clock: Clock,
  timeoutMs: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const work = new AbortController();
  const timer = new AbortController();
  const timeout = clock.sleep(timeoutMs, timer.signal).then(
    () => {
      work.abort(new ProbeTimeoutError());
      throw new ProbeTimeoutError();
    },
    () => new Promise<never>(() => {}),
  );
  try {
    return await Promise.race([fn(work.signal), timeout]);
  } finally {
    timer.abort();
  }
}
