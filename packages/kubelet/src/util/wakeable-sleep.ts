/**
 * A sleep that can be cut short: `wake()` ends it early, the outer signal ends it too, and
 * either way nothing is left behind (no pending timer, no listener on the outer signal).
 */
import type { Clock } from '@kubelab/api';

export interface WakeableSleep {
  /** Resolves when the time is up, on wake(), or when the outer signal aborts. */
  done: Promise<void>;
  wake(): void;
}

export function wakeableSleep(clock: Clock, ms: number, outer: AbortSignal): WakeableSleep {
  const ac = new AbortController();
  const onOuterAbort = (): void => ac.abort();
  outer.addEventListener('abort', onOuterAbort, { once: true });
  const done = clock
    .sleep(ms, ac.signal)
    .catch(() => undefined)
    .finally(() => outer.removeEventListener('abort', onOuterAbort));
  return { done, wake: () => ac.abort() };
}
