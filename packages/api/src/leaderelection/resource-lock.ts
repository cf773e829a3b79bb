/**
 * The lock an elector competes for (client-go resourcelock.Interface). Get fails with a
 * NotFound ApiError when the lock object does not exist yet; Update is optimistic: it sends the
 * resourceVersion last read or written, so a concurrent change fails with Conflict.
 */
import type { LeaderElectionRecord } from './leader-election-record.js';

export interface ResourceLock {
  /** This candidate's identity, `<hostname>_<uuid>`. */
  readonly identity: string;
  /** `namespace/name`, as log lines name the lock. */
  describe(): string;
  /** The record and its raw (serialised) form, to tell whether it changed. */
  get(): Promise<{ record: LeaderElectionRecord; raw: string }>;
  create(record: LeaderElectionRecord): Promise<void>;
  update(record: LeaderElectionRecord): Promise<void>;
  /** Emits a LeaderElection event on the lock object ("<identity> became leader"). */
  recordEvent(message: string): void;
}

/** What a lock needs to emit events: the shape of the component EventRecorder. */
export interface LockEventRecorder {
  event(
    object: { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string } },
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void;
}
