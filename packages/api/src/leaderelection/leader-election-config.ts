/** The leader elector's configuration, defaults and NewLeaderElector's checks (client-go). */
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ResourceLock } from './resource-lock.js';

/** client-go's JitterFactor for the acquire loop. */
export const JITTER_FACTOR = 1.2;

/** kube-scheduler and kube-controller-manager defaults (componentbase LeaderElectionConfiguration). */
export const DEFAULT_LEASE_DURATION_MS = 15_000;
export const DEFAULT_RENEW_DEADLINE_MS = 10_000;
export const DEFAULT_RETRY_PERIOD_MS = 2_000;

export interface LeaderCallbacks {
  /** Called once leading starts; the signal aborts when leading stops. */
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  /** Called when run() ends, whether or not this candidate ever led (as client-go). */
  onStoppedLeading(): void;
  /** Called when the observed leader changes (also for this candidate). */
  onNewLeader?(identity: string): void;
}

export interface LeaderElectionConfig {
  lock: ResourceLock;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  callbacks: LeaderCallbacks;
  /** Give the lease up (holder cleared, duration 1 s) when run()'s signal aborts. */
  releaseOnCancel?: boolean;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
}

/** NewLeaderElector's checks, with its messages; undefined when the config is valid. */
export function validateLeaderElectionConfig(c: LeaderElectionConfig): string | undefined {
  if (c.leaseDurationMs <= c.renewDeadlineMs) return 'leaseDuration must be greater than renewDeadline';
  if (c.renewDeadlineMs <= JITTER_FACTOR * c.retryPeriodMs) {
    return 'renewDeadline must be greater than retryPeriod*JitterFactor';
  }
  if (c.leaseDurationMs < 1) return 'leaseDuration must be greater than zero';
  if (c.renewDeadlineMs < 1) return 'renewDeadline must be greater than zero';
  if (c.retryPeriodMs < 1) return 'retryPeriod must be greater than zero';
  return undefined;
}

