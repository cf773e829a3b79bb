/**
 * Per-item requeue delays for the work queue (client-go workqueue's RateLimiter and
 * ItemExponentialFailureRateLimiter: base * 2^failures, capped). Pure bookkeeping.
 */
export interface RateLimiter<T> {
  /** How long to wait before this item's next retry; counts a failure. */
  when(item: T): number;
  /** The item succeeded: its next failure starts from the base delay again. */
  forget(item: T): void;
  /** Failures counted since the last forget. */
  numRequeues(item: T): number;
}

export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  private readonly failures = new Map<T, number>();

  /** client-go's controller default is 5 ms doubling to 1000 s. */
  constructor(
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1_000_000,
  ) {}

  when(item: T): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    return Math.min(this.maxDelayMs, this.baseDelayMs * Math.pow(2, exp));
  }

  forget(item: T): void {
    this.failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.failures.get(item) ?? 0;
  }
}
