/**
 * The leader election record (client-go tools/leaderelection/resourcelock): what a Lease's spec
 * says about who leads, and the conversions both ways. Times are milliseconds since the epoch;
 * on the Lease they are metav1.MicroTime.
 */
import { rfc3339Micro } from '../clock.js';
import type { Lease } from '../types/index.js';

export interface LeaderElectionRecord {
  /** Empty when nobody holds the lease (after a release). */
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: number;
  renewTime: number;
  leaderTransitions: number;
  strategy?: string;
  preferredHolder?: string;
}

export type LeaseSpec = NonNullable<Lease['spec']>;

function parseMicroTime(t: string | undefined): number {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : ms;
}

/** LeaseSpecToLeaderElectionRecord. */
export function leaseSpecToRecord(spec: LeaseSpec | undefined): LeaderElectionRecord {
  const s = (spec ?? {}) as LeaseSpec & { strategy?: string; preferredHolder?: string };
  const r: LeaderElectionRecord = {
    holderIdentity: s.holderIdentity ?? '',
    leaseDurationSeconds: s.leaseDurationSeconds ?? 0,
    acquireTime: parseMicroTime(s.acquireTime),
    renewTime: parseMicroTime(s.renewTime),
    leaderTransitions: s.leaseTransitions ?? 0,
  };
  if (s.strategy) r.strategy = s.strategy;
  if (s.preferredHolder) r.preferredHolder = s.preferredHolder;
  return r;
}

/** LeaderElectionRecordToLeaseSpec. */
export function recordToLeaseSpec(r: LeaderElectionRecord): LeaseSpec {
  const spec: LeaseSpec & { strategy?: string; preferredHolder?: string } = {
    holderIdentity: r.holderIdentity,
    leaseDurationSeconds: r.leaseDurationSeconds,
    acquireTime: rfc3339Micro(r.acquireTime),
    renewTime: rfc3339Micro(r.renewTime),
    leaseTransitions: r.leaderTransitions,
  };
  if (r.strategy) spec.strategy = r.strategy;
  if (r.preferredHolder) spec.preferredHolder = r.preferredHolder;
  return spec;
}
