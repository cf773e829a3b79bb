/**
 * Calls to the API server that must eventually happen (mirror pods, statuses, node, lease,
 * final deletions): retried with capped, jittered backoff; while the server is unreachable they
 * wait on the availability gate instead of spinning.
 */
import type { Clock } from '@kubelab/api';
import type { ApiAvailability } from './api-availability.js';
import { isConnectionError } from './api-availability.js';

export interface RetryOptions {
  clock: Clock;
  availability: ApiAvailability;
  signal: AbortSignal;
  /** Errors that are final (e.g. NotFound for a delete): return instead of retrying. */
  isFinal?: (err: unknown) => boolean;
  maxDelayMs?: number;
}

export async function retryUntilDone<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T | undefined> {
  let delay = 100;
  const max = opts.maxDelayMs ?? 1000;
  while (!opts.signal.aborted) {
    try {
      const v = await fn();
      opts.availability.reportUp();
      return v;
    } catch (err) {
      if (opts.isFinal?.(err)) throw err;
      if (isConnectionError(err)) {
        opts.availability.reportDown(err);
        await opts.availability.whenUp(opts.signal).catch(() => undefined);
        delay = 100;
        continue;
      }
      await opts.clock.sleep(delay * (1 - Math.random() * 0.2), opts.signal).catch(() => undefined);
      delay = Math.min(delay * 2, max);
    }
  }
  return undefined;
}
