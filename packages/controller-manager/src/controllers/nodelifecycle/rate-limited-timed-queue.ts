/**
 * scheduler.RateLimitedTimedQueue as the node lifecycle controller uses it: node names waiting
 * to be tainted NoExecute, released through a token bucket whose rate follows the zone state
 * (0 stops tainting).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private qps: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** flowcontrol.NewTokenBucketRateLimiter(qps, burst), or a limiter that never admits at 0 qps. */
  swap(qps: number, now: number): void {
    if (qps === this.qps) return;
    this.refill(now);
    this.qps = qps;
    if (qps <= 0) this.tokens = 0;
  }

  private refill(now: number): void {
    if (this.qps > 0)
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
  }

  tryAccept(now: number): boolean {
    this.refill(now);
    if (this.qps <= 0 || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface QueuedNode {
  name: string;
  uid: string;
  /** Earliest time to try (after a failed attempt asked to wait). */
  processAt: number;
}

export class RateLimitedTimedQueue {
  private readonly items: QueuedNode[] = [];
  readonly limiter: TokenBucket;

  constructor(qps: number, now: number) {
    this.limiter = new TokenBucket(qps, 1, now);
  }

  /** Add: false when the node is already queued. */
  add(name: string, uid: string, now: number): boolean {
    if (this.items.some((i) => i.name === name)) return false;
    this.items.push({ name, uid, processAt: now });
    return true;
  }

  remove(name: string): boolean {
    const i = this.items.findIndex((x) => x.name === name);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  has(name: string): boolean {
    return this.items.some((i) => i.name === name);
  }

  /** Try: processes due items while the limiter admits them; fn returns [done, retryAfterMs]. */
  async try(
    now: number,
    fn: (name: string, uid: string) => Promise<[boolean, number]>,
  ): Promise<void> {
    for (const item of [...this.items].sort((a, b) => a.processAt - b.processAt)) {
      if (item.processAt > now) continue;
      if (!this.limiter.tryAccept(now)) return;
      const [done, wait] = await fn(item.name, item.uid);
      if (done) this.remove(item.name);
      else item.processAt = now + wait;
    }
  }
}
