/**
 * A Clock whose time moves only when the test says so. Sleeps resolve when advance() passes
 * their deadline; every requested duration is recorded, and tests can wait (without timers)
 * until some code has started sleeping.
 */
import type { Clock } from '../clock.js';

interface Sleeper {
  at: number;
  resolve: () => void;
}

export class FakeClock implements Clock {
  /** Every duration passed to sleep(), in call order. */
  readonly sleeps: number[] = [];
  private t: number;
  private sleepers: Sleeper[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(startMs = 0) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      const reason = (): Error =>
        signal?.reason instanceof Error ? signal.reason : new Error('aborted');
      if (signal?.aborted) return reject(reason());
      const sleeper: Sleeper = {
        at: this.t + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(reason());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
      this.notify();
    });
  }

  /** Moves time forward and wakes every sleeper whose deadline has come, earliest first. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t).sort((a, b) => a.at - b.at);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.resolve();
  }

  /** Advances to the earliest pending deadline; returns how far that was. */
  advanceToNext(): number {
    const next = Math.min(...this.sleepers.map((s) => s.at));
    if (!Number.isFinite(next)) throw new Error('FakeClock: nobody is sleeping');
    const step = Math.max(0, next - this.t);
    this.advance(step);
    return step;
  }

  pendingSleeps(): number {
    return this.sleepers.length;
  }

  /** Resolves once at least `count` sleeps are pending. */
  waitForSleepers(count = 1): Promise<void> {
    if (this.sleepers.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => this.sleepers.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.sleepers.length < w.count);
    for (const w of ready) w.resolve();
  }
}
