/**
 * Whether the API server answers, watched by one prober: while it is down, every caller that
 * must retry waits here instead of spinning, and is woken the moment it answers again (so mirror
 * pods and statuses catch up within a second). Probing backs off from 100 ms to `maxProbeMs`
 * (250 ms: a few cheap requests a second while the server is away).
 */
import type { Clock, Logger } from '@kubelab/api';

export interface ApiAvailabilityOptions {
  /** Resolves when /readyz (or any cheap call) succeeds; rejects otherwise. */
  probe: () => Promise<void>;
  clock: Clock;
  logger: Logger;
  maxProbeMs?: number;
}

export class ApiAvailability {
  private up = false;
  private waiters: (() => void)[] = [];
  private probing = false;
  private readonly ac = new AbortController();
  private readonly listeners: ((up: boolean) => void)[] = [];

  constructor(private readonly opts: ApiAvailabilityOptions) {}

  isUp(): boolean {
    return this.up;
  }

  onChange(cb: (up: boolean) => void): void {
    this.listeners.push(cb);
  }

  /** A call failed with a connection error: the server is treated as down until a probe succeeds. */
  reportDown(err?: unknown): void {
    if (this.up) {
      this.up = false;
      this.opts.logger.warn('Lost connection to the API server', { err: err instanceof Error ? err.message : undefined });
      for (const l of this.listeners) l(false);
    }
    this.startProbing();
  }

  reportUp(): void {
    if (this.up) return;
    this.up = true;
    this.opts.logger.info('API server is answering');
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
    for (const l of this.listeners) l(true);
  }

  /** Resolves at once when up; otherwise when the next probe succeeds. */
  whenUp(signal?: AbortSignal): Promise<void> {
    if (this.up) return Promise.resolve();
    this.startProbing();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const done = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  start(): void {
    this.startProbing();
  }

  stop(): void {
    this.ac.abort();
  }

  private startProbing(): void {
    if (this.probing || this.ac.signal.aborted) return;
    this.probing = true;
    void this.probeLoop();
  }

  private async probeLoop(): Promise<void> {
    let delay = 100;
    const max = this.opts.maxProbeMs ?? 250;
    try {
      while (!this.up && !this.ac.signal.aborted) {
        try {
          await this.opts.probe();
          this.reportUp();
          return;
        } catch {
          // still down
        }
        const jitter = 1 - Math.random() * 0.2;
        await this.opts.clock.sleep(delay * jitter, this.ac.signal).catch(() => undefined);
        delay = Math.min(delay * 2, max);
      }
    } finally {
      this.probing = false;
    }
  }
}

/** Errors that mean "no API server right now", as opposed to an answer from it. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code)
  ) || (typeof code === 'number' && (code === 503 || code === 502 || code === 504));
}
