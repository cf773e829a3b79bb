/**
 * The node's presence in the API (kubelet_node_status.go + nodelease): registers the Node
 * (again, if it vanished), posts its status when it changes or every report period, and renews
 * its Lease in kube-node-lease. Everything waits on the availability gate while the API server
 * is unreachable and resumes at once when it answers.
 */
import type { Clock, Lease, Logger, Node, NodeStatus } from '@kubelab/api';
import { ApiError, rfc3339Micro } from '@kubelab/api';
import type { ApiAvailability } from '../api/api-availability.js';
import { isConnectionError } from '../api/api-availability.js';
import type { NodeFacts } from './node-info.js';
import { buildNodeStatus, initialNode, nodeStatusChanged } from './node-status.js';
import { wakeableSleep } from '../util/wakeable-sleep.js';

export interface NodeApi {
  createNode(node: Node): Promise<Node>;
  getNode(name: string): Promise<Node>;
  patchNode(name: string, patch: object): Promise<Node>;
  patchNodeStatus(name: string, status: NodeStatus): Promise<Node>;
  getLease(namespace: string, name: string): Promise<Lease>;
  createLease(namespace: string, lease: Lease): Promise<Lease>;
  updateLease(namespace: string, lease: Lease): Promise<Lease>;
}

export interface NodeAgentOptions {
  facts: () => NodeFacts;
  api: NodeApi;
  availability: ApiAvailability;
  clock: Clock;
  logger: Logger;
  statusUpdateMs: number;
  statusReportMs: number;
  leaseDurationSeconds: number;
  /** Called with the Node whenever it is (re)registered or updated. */
  onNode?: (node: Node) => void;
}

export class NodeAgent {
  private node: Node | undefined;
  private lastStatus: NodeStatus | undefined;
  private lastReport = 0;
  private readonly ac = new AbortController();
  private wakeStatus: (() => void) | undefined;

  constructor(private readonly opts: NodeAgentOptions) {}

  /** The registered Node (undefined until registration succeeded). */
  current(): Node | undefined {
    return this.node;
  }

  start(): void {
    void this.statusLoop();
    void this.leaseLoop();
  }

  stop(): void {
    this.ac.abort();
    this.wakeStatus?.();
  }

  /** Post the status now (e.g. the API came back). */
  poke(): void {
    this.wakeStatus?.();
  }

  private setNode(node: Node): void {
    this.node = node;
    this.opts.onNode?.(node);
  }

  private async register(): Promise<void> {
    const facts = this.opts.facts();
    const name = facts.nodeName;
    this.opts.logger.info('Attempting to register node', { node: name });
    try {
      const created = await this.opts.api.createNode(initialNode(facts));
      this.opts.logger.info('Successfully registered node', { node: name });
      this.setNode(created);
      return;
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'AlreadyExists')) throw err;
    }
    // Already there: reconcile the labels the kubelet owns.
    const existing = await this.opts.api.getNode(name);
    const missing = Object.entries(facts.labels).filter(([k, v]) => existing.metadata?.labels?.[k] !== v);
    const node = missing.length
      ? await this.opts.api.patchNode(name, { metadata: { labels: Object.fromEntries(missing) } })
      : existing;
    this.opts.logger.info('Node was previously registered', { node: name });
    this.setNode(node);
  }

  private async statusLoop(): Promise<void> {
    const { clock, availability } = this.opts;
    while (!this.ac.signal.aborted) {
      try {
        if (!this.node) await this.register();
        const facts = this.opts.facts();
        const status = buildNodeStatus(facts, clock.now(), this.lastStatus);
        const due = clock.now() - this.lastReport >= this.opts.statusReportMs;
        if (nodeStatusChanged(this.lastStatus, status) || due) {
          const node = await this.opts.api.patchNodeStatus(facts.nodeName, status);
          this.lastStatus = status;
          this.lastReport = clock.now();
          this.setNode(node);
        }
        availability.reportUp();
        await this.pause(this.opts.statusUpdateMs);
      } catch (err) {
        if (this.ac.signal.aborted) return;
        if (err instanceof ApiError && err.reason === 'NotFound') {
          this.opts.logger.warn('Node not found, registering it again', { node: this.opts.facts().nodeName });
          this.node = undefined;
          this.lastStatus = undefined;
          continue;
        }
        if (isConnectionError(err)) {
          availability.reportDown(err);
          await availability.whenUp(this.ac.signal).catch(() => undefined);
          this.lastStatus = undefined;
        } else {
          this.opts.logger.error('Error updating node status, will retry', err);
          await this.pause(Math.min(this.opts.statusUpdateMs, 1000));
        }
      }
    }
  }

  private async pause(ms: number): Promise<void> {
    const sleep = wakeableSleep(this.opts.clock, ms, this.ac.signal);
    this.wakeStatus = sleep.wake;
    await sleep.done;
    this.wakeStatus = undefined;
  }

  private async leaseLoop(): Promise<void> {
    const { clock, availability, api } = this.opts;
    const renewMs = this.opts.leaseDurationSeconds * 250;
    while (!this.ac.signal.aborted) {
      const node = this.node;
      if (!node) {
        await availability.whenUp(this.ac.signal).catch(() => undefined);
        await clock.sleep(100, this.ac.signal).catch(() => undefined);
        continue;
      }
      const name = node.metadata?.name ?? '';
      try {
        const now = rfc3339Micro(clock.now());
        const owner = [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata?.uid ?? '' }];
        let lease: Lease;
        try {
          lease = await api.getLease('kube-node-lease', name);
        } catch (err) {
          if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
          await api.createLease('kube-node-lease', {
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            metadata: { name, namespace: 'kube-node-lease', ownerReferences: owner },
            spec: { holderIdentity: name, leaseDurationSeconds: this.opts.leaseDurationSeconds, renewTime: now },
          });
          await clock.sleep(renewMs * (1 - Math.random() * 0.04), this.ac.signal).catch(() => undefined);
          continue;
        }
        lease.spec = { ...lease.spec, holderIdentity: name, leaseDurationSeconds: this.opts.leaseDurationSeconds, renewTime: now };
        if (!lease.metadata?.ownerReferences?.length) lease.metadata = { ...lease.metadata, ownerReferences: owner };
        await api.updateLease('kube-node-lease', lease);
        await clock.sleep(renewMs * (1 - Math.random() * 0.04), this.ac.signal).catch(() => undefined);
      } catch (err) {
        if (this.ac.signal.aborted) return;
        if (isConnectionError(err)) {
          availability.reportDown(err);
          await availability.whenUp(this.ac.signal).catch(() => undefined);
        } else {
          this.opts.logger.error('Failed to update lease', err);
          await clock.sleep(1000, this.ac.signal).catch(() => undefined);
        }
      }
    }
  }
}
