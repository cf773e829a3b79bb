/**
 * A ticker that can also be poked: wait() resolves at the next tick of a fixed period (the
 * schedule is not shifted by pokes, as a Go time.Ticker) or as soon as a poke has settled. A
 * poke that comes while nobody waits is kept, so none is lost between two waits; pokes within
 * the debounce window are gathered into one.
 */
import type { Clock } from '@kubelab/api';

export type Wakeup = 'tick' | 'poke' | 'abort';

export class WakeTimer {
  private next: number;
  private pending = false;
  private debouncing = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly periodMs: number,
  ) {
    this.next = clock.now() + periodMs;
  }

  /** Wakes the waiter after `debounceMs` (0: at once); further pokes until then are merged. */
  poke(debounceMs: number, signal?: AbortSignal): void {
    if (this.debouncing) return;
    this.debouncing = true;
    const fire = (): void => {
      this.debouncing = false;
      this.pending = true;
      this.wake?.();
    };
    if (debounceMs <= 0) return fire();
    this.clock.sleep(debounceMs, signal).then(fire, () => {
      this.debouncing = false;
    });
  }

  async wait(signal: AbortSignal): Promise<Wakeup> {
    if (signal.aborted) return 'abort';
    if (this.pending) {
      this.pending = false;
      return 'poke';
    }
    const now = this.clock.now();
    while (this.next <= now) this.next += this.periodMs;
    const sleeping = new AbortController();
    const stop = (): void => sleeping.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await new Promise<Wakeup>((resolve) => {
        this.wake = () => resolve('poke');
        this.clock.sleep(this.next - now, sleeping.signal).then(
          () => resolve('tick'),
          () => resolve('abort'),
        );
      });
    } finally {
      this.wake = undefined;
      this.pending = false;
      signal.removeEventListener('abort', stop);
      sleeping.abort();
    }
  }
}
