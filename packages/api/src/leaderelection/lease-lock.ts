/**
 * A ResourceLock over a coordination.k8s.io/v1 Lease (client-go resourcelock.LeaseLock). The
 * lease last read or written is kept, so updates carry its resourceVersion.
 */
import type { ResourceClient } from '../client/resource-client.js';
import type { Lease } from '../types/index.js';
import {
  leaseSpecToRecord,
  recordToLeaseSpec,
  type LeaderElectionRecord,
} from './leader-election-record.js';
import type { LockEventRecorder, ResourceLock } from './resource-lock.js';

export interface LeaseLockOptions {
  /** A Lease client (namespaced or for all namespaces). */
  client: ResourceClient<Lease>;
  namespace: string;
  name: string;
  identity: string;
  eventRecorder?: LockEventRecorder;
  labels?: Record<string, string>;
}

export class LeaseLock implements ResourceLock {
  readonly identity: string;
  private lease: Lease | undefined;

  constructor(private readonly opts: LeaseLockOptions) {
    this.identity = opts.identity;
  }

  describe(): string {
    return `${this.opts.namespace}/${this.opts.name}`;
  }

  async get(): Promise<{ record: LeaderElectionRecord; raw: string }> {
    const client = this.client();
    this.lease = await client.get(this.opts.name);
    const record = leaseSpecToRecord(this.lease.spec);
    return { record, raw: JSON.stringify(record) };
  }

  async create(record: LeaderElectionRecord): Promise<void> {
    const metadata: NonNullable<Lease['metadata']> = {
      name: this.opts.name,
      namespace: this.opts.namespace,
    };
    if (this.opts.labels) metadata.labels = { ...this.opts.labels };
    this.lease = await this.client().create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata,
      spec: recordToLeaseSpec(record),
    });
  }

  async update(record: LeaderElectionRecord): Promise<void> {
    if (!this.lease) throw new Error('lease not initialized, call get or create first');
    const next: Lease = { ...this.lease, spec: recordToLeaseSpec(record) };
    if (this.opts.labels) {
      next.metadata = { ...next.metadata, labels: { ...next.metadata?.labels, ...this.opts.labels } };
    }
    this.lease = await this.client().update(next);
  }

  recordEvent(message: string): void {
    if (!this.opts.eventRecorder) return;
    const subject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { ...this.lease?.metadata, name: this.opts.name, namespace: this.opts.namespace },
    };
    this.opts.eventRecorder.event(subject, 'Normal', 'LeaderElection', `${this.identity} ${message}`);
  }

  private client(): ResourceClient<Lease> {
    return this.opts.client;
  }
}
