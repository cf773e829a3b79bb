/**
 * Capped exponential backoff with jitter, as the informer and work queue retry with. Pure: the
 * random source is injected, and sleeping is the caller's business.
 */
export interface BackoffOptions {
  /** First delay. Default 200 ms. */
  initialMs?: number;
  /** Cap on the un-jittered delay. Default 30 s. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /**
   * Fraction of the delay taken off at random (0..1): the delay lies in [d*(1-jitter), d], so
   * it never exceeds the cap while retries of many clients still spread out. Default 0.2.
   */
  jitter?: number;
  /** Random source in [0, 1). Default Math.random. */
  random?: () => number;
}

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const initial = opts.initialMs ?? 200;
  const max = opts.maxMs ?? 30_000;
  const factor = opts.factor ?? 2;
  const jitter = opts.jitter ?? 0.2;
  const random = opts.random ?? Math.random;
  const base = Math.min(max, initial * Math.pow(factor, attempt));
  return Math.round(base * (1 - jitter * random()));
}

export class Backoff {
  private attempt = 0;

  constructor(private readonly opts: BackoffOptions = {}) {}

  /** The next delay; each call grows the following one until the cap. */
  next(): number {
    return backoffDelay(this.attempt++, this.opts);
  }

  /** Back to the initial delay, after a success. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
