export {
  leaseSpecToRecord,
  recordToLeaseSpec,
  type LeaderElectionRecord,
  type LeaseSpec,
} from './leader-election-record.js';
export {
  DEFAULT_LEASE_DURATION_MS,
  DEFAULT_RENEW_DEADLINE_MS,
  DEFAULT_RETRY_PERIOD_MS,
  JITTER_FACTOR,
  LeaderElector,
  validateLeaderElectionConfig,
  type LeaderCallbacks,
  type LeaderElectionConfig,
} from './leader-elector.js';
export { leaderIdentity } from './leader-identity.js';
export { LeaseLock, type LeaseLockOptions } from './lease-lock.js';
export type { LockEventRecorder, ResourceLock } from './resource-lock.js';
