/**
 * The controllers' work queue (client-go workqueue): items (usually `namespace/name` keys) are
 * deduplicated while waiting; an item being processed is never handed to a second worker, and
 * if it is added meanwhile it is queued again once done(). addAfter delays an add (keeping the
 * earliest deadline per item); addRateLimited delays it by the item's own exponential backoff.
 */
import { realClock, type Clock } from '../clock.js';
import { ItemExponentialFailureRateLimiter, type RateLimiter } from './rate-limiter.js';

export interface WorkQueueOptions<T> {
  clock?: Clock;
  rateLimiter?: RateLimiter<T>;
}

export class WorkQueue<T = string> {
  private readonly queue: T[] = [];
  private readonly dirty = new Set<T>();
  private readonly processing = new Set<T>();
  private readonly waiting = new Map<T, { readyAt: number; cancel: AbortController }>();
  private getters: ((item: T | undefined) => void)[] = [];
  private drainers: (() => void)[] = [];
  private shuttingDown = false;
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter<T>;

  constructor(opts: WorkQueueOptions<T> = {}) {
    this.clock = opts.clock ?? realClock;
    this.rateLimiter = opts.rateLimiter ?? new ItemExponentialFailureRateLimiter<T>();
  }

  add(item: T): void {
    if (this.shuttingDown || this.dirty.has(item)) return;
    this.dirty.add(item);
    if (this.processing.has(item)) return;
    this.enqueue(item);
  }

  /** Adds the item after `ms`; an earlier pending deadline for the same item wins. */
  addAfter(item: T, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(item);
    const readyAt = this.clock.now() + ms;
    const pending = this.waiting.get(item);
    if (pending && pending.readyAt <= readyAt) return;
    pending?.cancel.abort();
    const cancel = new AbortController();
    this.waiting.set(item, { readyAt, cancel });
    this.clock.sleep(ms, cancel.signal).then(
      () => {
        this.waiting.delete(item);
        this.add(item);
      },
      () => {
        // cancelled: replaced by an earlier deadline, or shut down
      },
    );
  }

  addRateLimited(item: T): void {
    this.addAfter(item, this.rateLimiter.when(item));
  }

  forget(item: T): void {
    this.rateLimiter.forget(item);
  }

  numRequeues(item: T): number {
    return this.rateLimiter.numRequeues(item);
  }

  /** The next item to process, once there is one; undefined once shut down and empty. */
  get(): Promise<T | undefined> {
    const item = this.take();
    if (item !== undefined || this.shuttingDown) return Promise.resolve(item);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks the item processed; re-queues it if it was added while being processed. */
  done(item: T): void {
    this.processing.delete(item);
    if (this.dirty.has(item)) this.enqueue(item);
    if (this.processing.size === 0) for (const d of this.drainers.splice(0)) d();
  }

  /** Items waiting to be handed out (not counting delayed or in-process ones). */
  len(): number {
    return this.queue.length;
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Stops accepting items; getters receive what is queued, then undefined. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const { cancel } of this.waiting.values()) cancel.abort();
    this.waiting.clear();
    for (const g of this.getters.splice(0)) g(this.take());
  }

  /** shutDown, then resolves once no item is being processed. */
  shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainers.push(resolve));
  }

  private enqueue(item: T): void {
    const getter = this.getters.shift();
    if (getter) {
      this.dirty.delete(item);
      this.processing.add(item);
      getter(item);
      return;
    }
    this.queue.push(item);
  }

  private take(): T | undefined {
    if (this.queue.length === 0) return undefined;
    const item = this.queue.shift() as T;
    this.dirty.delete(item);
    this.processing.add(item);
    return item;
  }
}

export function createRateLimitingQueue<T = string>(opts: WorkQueueOptions<T> = {}): WorkQueue<T> {
  return new WorkQueue<T>(opts);
}
