/**
 * Per-key exponential backoff (client-go util/flowcontrol/backoff.go), as the kubelet uses it for
 * crash loops (10 s doubling to 300 s) and image pulls: an entry untouched for twice the maximum
 * expires, which resets the delay.
 */
import type { Clock } from '@kubelab/api';

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  private expired(e: Entry, eventTime: number): boolean {
    return eventTime - e.lastUpdate > 2 * this.maxMs;
  }

  /** The current delay of a key (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Moves the key to its next delay, measured from eventTime. */
  next(key: string, eventTime: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(e, eventTime)) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: eventTime });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdate = eventTime;
  }

  /** Whether now is still within the delay that started at eventTime. */
  isInBackOffSince(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, this.clock.now())) return false;
    return this.clock.now() - eventTime < e.backoffMs;
  }

  /** Whether the delay that started at the key's last update is still running (image pulls). */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** When the delay that started at eventTime ends (for requeueing the pod worker). */
  expiresAt(key: string, eventTime: number): number {
    return eventTime + this.get(key);
  }

  /** When the key's delay last started. */
  lastUpdate(key: string): number {
    return this.entries.get(key)?.lastUpdate ?? 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops expired entries (client-go GC). */
  gc(): void {
    const now = this.clock.now();
    for (const [k, e] of this.entries) if (this.expired(e, now)) this.entries.delete(k);
  }
}

export const CRASH_BACKOFF = { initialMs: 10_000, maxMs: 300_000 };
export const IMAGE_BACKOFF = { initialMs: 10_000, maxMs: 300_000 };

/** Go's time.Duration String for whole seconds: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}
