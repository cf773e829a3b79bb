/**
 * Leader election as client-go's tools/leaderelection does it: candidates race to create or
 * take over a lock record; the leader renews it every retryPeriod and gives up leading when it
 * could not renew within renewDeadline; others take over once leaseDuration has passed (by their
 * own clock) without the record changing. Updates are optimistic (resourceVersion), so two
 * candidates never both believe they lead after a successful write.
 */
import { realClock, type Clock } from '../clock.js';
import { isNotFound } from '../errors.js';
import { noopLogger, type Logger } from '../logger.js';
import { JITTER_FACTOR, validateLeaderElectionConfig, type LeaderElectionConfig } from './leader-election-config.js';
import type { LeaderElectionRecord } from './leader-election-record.js';

export {
  DEFAULT_LEASE_DURATION_MS,
  DEFAULT_RENEW_DEADLINE_MS,
  DEFAULT_RETRY_PERIOD_MS,
  JITTER_FACTOR,
  validateLeaderElectionConfig,
  type LeaderCallbacks,
  type LeaderElectionConfig,
} from './leader-election-config.js';

const DEADLINE = Symbol('deadline');

export class LeaderElector {
  private observed: LeaderElectionRecord | undefined;
  private observedRaw: string | undefined;
  private observedTime = 0;
  private reportedLeader = '';
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;

  constructor(private readonly config: LeaderElectionConfig) {
    const invalid = validateLeaderElectionConfig(config);
    if (invalid) throw new Error(invalid);
    this.clock = config.clock ?? realClock;
    this.logger = config.logger ?? noopLogger;
    this.random = config.random ?? Math.random;
  }

  /** True while the last record this candidate observed or wrote names it as holder. */
  isLeader(): boolean {
    return this.observed?.holderIdentity === this.config.lock.identity;
  }

  /**
   * The leaderElection health check (client-go HealthzAdaptor): fails once this candidate
   * leads but has not renewed for leaseDuration + maxTolerableExpiredLease.
   */
  check(maxTolerableExpiredLeaseMs: number): string | undefined {
    if (!this.isLeader()) return undefined;
    if (this.clock.now() - this.observedTime > this.config.leaseDurationMs + maxTolerableExpiredLeaseMs) {
      const name = this.config.lock.describe().split('/').pop() ?? '';
      return `failed election to renew leadership on lease ${name}`;
    }
    return undefined;
  }

  /** The identity of the last observed leader ('' when none). */
  getLeader(): string {
    return this.observed?.holderIdentity ?? '';
  }

  /**
   * Campaigns until leading, leads until renewal fails or the signal aborts, then returns.
   * onStoppedLeading is always called at the end.
   */
  async run(signal: AbortSignal): Promise<void> {
    try {
      if (!(await this.acquire(signal))) return;
      const leading = new AbortController();
      const stop = (): void => leading.abort();
      signal.addEventListener('abort', stop, { once: true });
      Promise.resolve()
        .then(() => this.config.callbacks.onStartedLeading(leading.signal))
        .catch((err: unknown) => this.logger.error('OnStartedLeading failed', err));
      try {
        await this.renew(leading.signal);
      } finally {
        signal.removeEventListener('abort', stop);
        leading.abort();
      }
      if (this.config.releaseOnCancel) await this.release();
    } finally {
      this.config.callbacks.onStoppedLeading();
    }
  }

  private describe(): string {
    return this.config.lock.describe();
  }

  private async acquire(signal: AbortSignal): Promise<boolean> {
    this.logger.info(`attempting to acquire leader lease ${this.describe()}...`);
    while (!signal.aborted) {
      const ok = await this.tryAcquireOrRenew();
      this.maybeReportTransition();
      if (ok && !signal.aborted) {
        this.config.lock.recordEvent('became leader');
        this.logger.info(`successfully acquired lease ${this.describe()}`);
        return true;
      }
      if (!ok) this.logger.debug(`failed to acquire lease ${this.describe()}`);
      const period = this.config.retryPeriodMs;
      if (!(await this.sleep(period + this.random() * JITTER_FACTOR * period, signal))) break;
    }
    return false;
  }

  private async renew(signal: AbortSignal): Promise<void> {
    try {
      while (!signal.aborted) {
        const err = await this.renewWithinDeadline(signal);
        if (signal.aborted) return;
        this.maybeReportTransition();
        if (err) {
          this.logger.info(`failed to renew lease ${this.describe()}: ${err}`);
          return;
        }
        this.logger.debug(`successfully renewed lease ${this.describe()}`);
        if (!(await this.sleep(this.config.retryPeriodMs, signal))) return;
      }
    } finally {
      this.config.lock.recordEvent('stopped leading');
    }
  }

  /** wait.PollUntilContextTimeout(retryPeriod, renewDeadline, immediate): undefined on success. */
  private async renewWithinDeadline(signal: AbortSignal): Promise<string | undefined> {
    const deadline = this.clock.now() + this.config.renewDeadlineMs;
    const timeout = new AbortController();
    const onAbort = (): void => timeout.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const expired = this.clock
      .sleep(this.config.renewDeadlineMs, timeout.signal)
      .then(() => DEADLINE, () => undefined);
    try {
      for (;;) {
        const ok = await Promise.race([this.tryAcquireOrRenew(), expired]);
        if (ok === true) return undefined;
        if (ok === DEADLINE || signal.aborted) return 'context deadline exceeded';
        const wait = Math.min(this.config.retryPeriodMs, deadline - this.clock.now());
        const woke = await Promise.race([this.sleep(wait, timeout.signal), expired]);
        if (woke !== true) return 'context deadline exceeded';
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      timeout.abort();
    }
  }

  private async sleep(ms: number, signal: AbortSignal): Promise<boolean> {
    try {
      await this.clock.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  }

  private isLeaseValid(now: number): boolean {
    return this.observedTime + (this.observed?.leaseDurationSeconds ?? 0) * 1000 > now;
  }

  private setObserved(record: LeaderElectionRecord): void {
    this.observed = record;
    this.observedTime = this.clock.now();
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const lock = this.config.lock;
    const now = this.clock.now();
    const record: LeaderElectionRecord = {
      holderIdentity: lock.identity,
      leaseDurationSeconds: Math.floor(this.config.leaseDurationMs / 1000),
      acquireTime: now,
      renewTime: now,
      leaderTransitions: 0,
    };

    // 1. Fast path: the leader updates optimistically from the record it last wrote.
    if (this.isLeader() && this.isLeaseValid(now) && this.observed) {
      record.acquireTime = this.observed.acquireTime;
      record.leaderTransitions = this.observed.leaderTransitions;
      try {
        await lock.update(record);
        this.setObserved(record);
        return true;
      } catch (err) {
        this.logger.error(`Failed to update lock optimistically: ${errText(err)}, falling back to slow path`);
      }
    }

    // 2. Obtain or create the record.
    let current: { record: LeaderElectionRecord; raw: string };
    try {
      current = await lock.get();
    } catch (err) {
      if (!isNotFound(err)) {
        this.logger.error(`error retrieving resource lock ${lock.describe()}: ${errText(err)}`);
        return false;
      }
      try {
        await lock.create(record);
      } catch (createErr) {
        this.logger.error(`error initially creating leader election record: ${errText(createErr)}`);
        return false;
      }
      this.setObserved(record);
      return true;
    }

    // 3. Record obtained: check the identity and the time.
    if (this.observedRaw !== current.raw) {
      this.setObserved(current.record);
      this.observedRaw = current.raw;
    }
    if (current.record.holderIdentity && this.isLeaseValid(now) && !this.isLeader()) {
      this.logger.debug(`lock is held by ${current.record.holderIdentity} and has not yet expired`);
      return false;
    }

    // 4. Take over (or renew through the slow path).
    if (this.isLeader()) {
      record.acquireTime = current.record.acquireTime;
      record.leaderTransitions = current.record.leaderTransitions;
    } else {
      record.leaderTransitions = current.record.leaderTransitions + 1;
    }
    try {
      await lock.update(record);
    } catch (err) {
      this.logger.error(`Failed to update lock: ${errText(err)}`);
      return false;
    }
    this.setObserved(record);
    return true;
  }

  /** Gives the lease up: holder cleared, duration 1 s, so a successor takes over at once. */
  private async release(): Promise<boolean> {
    if (!this.isLeader() || !this.observed) return true;
    const now = this.clock.now();
    const record: LeaderElectionRecord = {
      holderIdentity: '',
      leaseDurationSeconds: 1,
      acquireTime: now,
      renewTime: now,
      leaderTransitions: this.observed.leaderTransitions,
    };
    try {
      await this.config.lock.update(record);
    } catch (err) {
      this.logger.error(`Failed to release lock: ${errText(err)}`);
      return false;
    }
    this.setObserved(record);
    return true;
  }

  private maybeReportTransition(): void {
    const holder = this.observed?.holderIdentity ?? '';
    if (holder === this.reportedLeader) return;
    this.reportedLeader = holder;
    const cb = this.config.callbacks.onNewLeader;
    if (cb) queueMicrotask(() => cb(holder));
  }
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
