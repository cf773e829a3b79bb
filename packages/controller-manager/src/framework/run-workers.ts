/**
 * The controllers' worker loop (client-go's `processNextWorkItem`): take a key, sync it, forget
 * its failures on success, requeue it with its own backoff on error, drop it after maxRetries.
 */
import type { Logger } from '@kubelab/api';
import type { WorkQueue } from '@kubelab/api/informer';

export interface RunWorkersOptions {
  queue: WorkQueue<string>;
  sync: (key: string) => Promise<void>;
  workers: number;
  logger: Logger;
  /** Failures after which the key is dropped (upstream: 15 for most controllers). */
  maxRetries?: number;
  /** Log message for a failed sync (upstream wording differs per controller). */
  errorMessage?: string;
}

async function worker(opts: RunWorkersOptions): Promise<void> {
  const { queue, logger } = opts;
  for (;;) {
    // Yield to timers and I/O between items, so that a key requeued by its own writes cannot
    // starve everything else.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const key = await queue.get();
    if (key === undefined) return;
    try {
      await opts.sync(key);
      queue.forget(key);
    } catch (err) {
      if (opts.maxRetries !== undefined && queue.numRequeues(key) >= opts.maxRetries) {
        logger.info('Dropping key out of the queue', { key, err: (err as Error).message });
        queue.forget(key);
      } else {
        logger.error(opts.errorMessage ?? 'Error syncing', err, { key });
        queue.addRateLimited(key);
      }
    } finally {
      queue.done(key);
    }
  }
}

/** Runs `workers` workers until the signal aborts, then shuts the queue down and drains it. */
export async function runWorkers(opts: RunWorkersOptions, signal: AbortSignal): Promise<void> {
  const stop = (): void => void opts.queue.shutDownWithDrain();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  const all = Array.from({ length: Math.max(1, opts.workers) }, () => worker(opts));
  await Promise.all(all);
}
