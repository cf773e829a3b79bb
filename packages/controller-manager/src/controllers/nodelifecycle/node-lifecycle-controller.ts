/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): watches node heartbeats (Ready
 * condition and kube-node-lease Leases), marks silent nodes Unknown, taints them NoSchedule and
 * NoExecute, marks their pods not ready, and stops all that when every node is down.
 */
import { isConflict, isNotFound, rfc3339, type Lease, type Logger, type Node, type ObjectReference, type Pod, type Taint } from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { namespacedKey, splitKey } from '../../framework/controller-ref.js';
import type { EventRecorder } from '../../framework/event-recorder.js';
import { LEASES, NODES, PODS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { taintExists } from '../../util/taints.js';
import { noScheduleTaintDiff, NOT_READY_NO_EXECUTE, swapTaints, UNREACHABLE_NO_EXECUTE } from './condition-taints.js';
import { markPodsNotReady } from './mark-pods-not-ready.js';
import { tryUpdateNodeHealth, type NodeHealth } from './node-health.js';
import { RateLimitedTimedQueue } from './rate-limited-timed-queue.js';
import { computeZoneState, disruptionTransition, EXCLUDE_DISRUPTION_LABEL, zoneKey, zoneQps, type ZoneState } from './zone-state.js';

export interface NodeLifecycleOptions {
  nodeMonitorPeriodMs: number;
  nodeMonitorGracePeriodMs: number;
  nodeStartupGracePeriodMs: number;
  evictionQps: number;
  secondaryEvictionQps: number;
  largeClusterThreshold: number;
  unhealthyZoneThreshold: number;
}

/** Upstream defaults (1.32: --node-monitor-grace-period 50s). */
export const DEFAULT_NODE_LIFECYCLE_OPTIONS: NodeLifecycleOptions = {
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  evictionQps: 0.1,
  secondaryEvictionQps: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
};

/** NodeEvictionPeriod: how often queued nodes are tainted NoExecute. */
const NODE_EVICTION_PERIOD_MS = 100;
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private readonly o: NodeLifecycleOptions;
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly leases: Informer<Lease>;
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;
  readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, Node>();
  readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainters = new Map<string, RateLimitedTimedQueue>();
  private readonly retryMarkPods = new Set<string>();
  private readonly nodeQueue: WorkQueue<string>;
  private readonly podQueue: WorkQueue<string>;

  constructor(
    private readonly ctx: ControllerContext,
    opts: Partial<NodeLifecycleOptions> = {},
  ) {
    this.o = { ...DEFAULT_NODE_LIFECYCLE_OPTIONS, ...opts };
    this.logger = ctx.logger.named('node_lifecycle_controller.go');
    this.recorder = ctx.recorder('node-controller');
    this.nodes = ctx.informers.informer<Node>(NODES);
    this.pods = ctx.informers.informer<Pod>(PODS);
    this.leases = ctx.informers.informer<Lease>(LEASES);
    this.nodeQueue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.podQueue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.nodes.on('add', (n) => this.nodeQueue.add(n.metadata?.name ?? ''));
    this.nodes.on('update', (n) => this.nodeQueue.add(n.metadata?.name ?? ''));
    this.pods.on('add', (p) => this.podQueue.add(namespacedKey(p)));
    this.pods.on('update', (p, old) => {
      if (p.spec?.nodeName && (p.spec.nodeName !== old.spec?.nodeName || JSON.stringify(p.status?.conditions) !== JSON.stringify(old.status?.conditions))) {
        this.podQueue.add(namespacedKey(p));
      }
    });
  }

  private nodeEvent(node: Node, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const name = node.metadata?.name ?? '';
    const ref: ObjectReference = { apiVersion: 'v1', kind: 'Node', name, uid: name };
    this.recorder.event(ref, type, reason, message);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting node controller');
    await Promise.all([
      this.loop(signal, this.o.nodeMonitorPeriodMs, () => this.monitorNodeHealth()),
      this.loop(signal, NODE_EVICTION_PERIOD_MS, () => this.doNoExecuteTaintingPass()),
      runWorkers({ queue: this.nodeQueue, sync: (n) => this.doNoScheduleTaintingPass(n), workers: 8, logger: this.logger }, signal),
      runWorkers({ queue: this.podQueue, sync: (k) => this.processPod(k), workers: 4, logger: this.logger }, signal),
    ]);
  }

  private async loop(signal: AbortSignal, periodMs: number, fn: () => Promise<void>): Promise<void> {
    while (!signal.aborted) {
      try {
        await fn();
      } catch (err) {
        this.logger.error('Error in node lifecycle pass', err);
      }
      try {
        await this.ctx.clock.sleep(periodMs, signal);
      } catch {
        return;
      }
    }
  }

  private tainter(zone: string): RateLimitedTimedQueue {
    let q = this.tainters.get(zone);
    if (!q) {
      q = new RateLimitedTimedQueue(this.o.evictionQps, this.ctx.clock.now());
      this.tainters.set(zone, q);
      this.zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  /** Applies taint changes to the live node (SwapNodeControllerTaint). */
  private async swapNodeTaints(nodeName: string, add: Taint[], remove: Taint[]): Promise<boolean> {
    const client = this.ctx.clients.resource<Node>(NODES);
    for (let attempt = 0; attempt < 5; attempt++) {
      let node: Node;
      try {
        node = await client.get(nodeName);
      } catch (err) {
        if (isNotFound(err)) return true;
        throw err;
      }
      const before = node.spec?.taints ?? [];
      const needed = add.some((a) => !taintExists(before, a)) || remove.some((r) => taintExists(before, r));
      if (!needed) return true;
      const taints = swapTaints(before, add, remove, rfc3339(this.ctx.clock.now()));
      const spec = { ...node.spec };
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
      try {
        await client.update({ ...node, spec });
        return true;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return false;
  }

  /** markNodeAsReachable: both NoExecute taints off, and out of the tainting queue. */
  private async markNodeAsReachable(node: Node): Promise<boolean> {
    await this.swapNodeTaints(node.metadata?.name ?? '', [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
    return this.tainter(zoneKey(node)).remove(node.metadata?.name ?? '');
  }

  async monitorNodeHealth(): Promise<void> {
    const now = this.ctx.clock.now();
    const nodes = this.nodes.cache.list();
    const seen = new Set<string>();
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      seen.add(name);
      if (this.known.has(name)) continue;
      this.logger.info('Controller observed a new Node', { node: name });
      this.nodeEvent(node, 'Normal', 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.known.set(name, node);
      this.tainter(zoneKey(node));
      await this.markNodeAsReachable(node).catch((err: unknown) => this.logger.error('Failed to remove taints from node', err, { node: name }));
    }
    for (const [name, node] of this.known) {
      if (seen.has(name)) continue;
      this.logger.info('Controller observed a Node deletion', { node: name });
      this.nodeEvent(node, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.health.delete(name);
    }
    const zoneConditions = new Map<string, (NonNullable<Node['status']>['conditions'] extends (infer C)[] | undefined ? C | undefined : never)[]>();
    for (const cached of nodes) {
      const name = cached.metadata?.name ?? '';
      let result;
      try {
        result = await this.updateNodeHealth(cached, now);
      } catch (err) {
        this.logger.error('Update health of Node from Controller error, Skipping - no pods will be evicted', err, { node: name });
        continue;
      }
      const { node, observedReady, currentReady } = result;
      if (node.metadata?.labels?.[EXCLUDE_DISRUPTION_LABEL] === undefined) {
        const z = zoneKey(node);
        zoneConditions.set(z, [...(zoneConditions.get(z) ?? []), currentReady]);
      }
      if (!currentReady) continue;
      await this.processTaintBaseEviction(node, observedReady.status).catch((err: unknown) => this.logger.error('Failed to update taints', err, { node: name }));
      const transitioned = currentReady.status !== 'True' && observedReady.status === 'True';
      if (transitioned) this.nodeEvent(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      if (transitioned || (this.retryMarkPods.has(name) && observedReady.status !== 'True')) {
        const pods = this.pods.cache.list().filter((p) => p.spec?.nodeName === name);
        try {
          await markPodsNotReady({ clients: this.ctx.clients, recorder: this.recorder, nowMs: now }, pods, name);
        } catch (err) {
          this.logger.error('Unable to mark all pods NotReady on node; queuing for retry', err, { node: name });
          this.retryMarkPods.add(name);
          continue;
        }
      }
      this.retryMarkPods.delete(name);
    }
    await this.handleDisruption(zoneConditions, nodes);
  }

  private async updateNodeHealth(cached: Node, now: number) {
    let node = structuredClone(cached);
    const name = node.metadata?.name ?? '';
    for (let attempt = 0; ; attempt++) {
      const r = tryUpdateNodeHealth({
        node,
        saved: this.health.get(name),
        lease: this.leases.cache.get(NODE_LEASE_NAMESPACE, name),
        nowMs: now,
        gracePeriodMs: this.o.nodeMonitorGracePeriodMs,
        startupGracePeriodMs: this.o.nodeStartupGracePeriodMs,
      });
      if (!r.updatedNode) {
        this.health.set(name, r.health);
        return { node, observedReady: r.observedReady, currentReady: r.currentReady };
      }
      try {
        const written = await this.ctx.clients.resource<Node>(NODES).updateStatus(r.updatedNode);
        this.health.set(name, r.health);
        return { node: written, observedReady: r.observedReady, currentReady: r.currentReady };
      } catch (err) {
        if (attempt >= 4) throw err;
        node = await this.ctx.clients.resource<Node>(NODES).get(name);
      }
    }
  }

  private async processTaintBaseEviction(node: Node, observed: string): Promise<void> {
    const name = node.metadata?.name ?? '';
    const taints = node.spec?.taints ?? [];
    const now = this.ctx.clock.now();
    if (observed === 'False') {
      if (taintExists(taints, UNREACHABLE_NO_EXECUTE)) await this.swapNodeTaints(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
      else if (this.tainter(zoneKey(node)).add(name, node.metadata?.uid ?? '', now)) {
        this.logger.info('Node is NotReady. Adding it to the Taint queue', { node: name });
      }
    } else if (observed === 'Unknown') {
      if (taintExists(taints, NOT_READY_NO_EXECUTE)) await this.swapNodeTaints(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
      else if (this.tainter(zoneKey(node)).add(name, node.metadata?.uid ?? '', now)) {
        this.logger.info('Node is unresponsive. Adding it to the Taint queue', { node: name });
      }
    } else if (observed === 'True') {
      if (await this.markNodeAsReachable(node)) this.logger.info('Node is healthy again, removed all taints', { node: name });
    }
  }

  async doNoExecuteTaintingPass(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const q of this.tainters.values()) {
      await q.try(now, async (name) => {
        const node = this.nodes.cache.get(undefined, name);
        if (!node) return [true, 0];
        const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
        if (!ready) return [false, 50];
        if (ready.status === 'False') return [await this.swapNodeTaints(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]), 0];
        if (ready.status === 'Unknown') return [await this.swapNodeTaints(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]), 0];
        return [true, 0];
      });
    }
  }

  private async handleDisruption(zoneConditions: Map<string, Parameters<typeof computeZoneState>[0]>, nodes: Node[]): Promise<void> {
    const next = new Map<string, ZoneState>();
    for (const [z, conds] of zoneConditions) next.set(z, computeZoneState(conds, this.o.unhealthyZoneThreshold).state);
    for (const z of [...this.zoneStates.keys()]) if (!next.has(z)) this.zoneStates.delete(z);
    const t = disruptionTransition(this.zoneStates, next);
    const now = this.ctx.clock.now();
    const rates = { evictionQps: this.o.evictionQps, secondaryEvictionQps: this.o.secondaryEvictionQps, largeClusterThreshold: this.o.largeClusterThreshold };
    if (t.kind === 'enterFullDisruption') {
      this.logger.info('Controller detected that all Nodes are not-Ready. Entering master disruption mode');
      for (const node of nodes) {
        await this.markNodeAsReachable(node).catch((err: unknown) => this.logger.error('Failed to remove taints from Node', err, { node: node.metadata?.name }));
      }
      for (const z of next.keys()) {
        this.tainter(z).limiter.swap(0, now);
        this.zoneStates.set(z, 'FullDisruption');
      }
    } else if (t.kind === 'exitFullDisruption') {
      this.logger.info('Controller detected that some Nodes are Ready. Exiting master disruption mode');
      for (const node of nodes) {
        const h = this.health.get(node.metadata?.name ?? '');
        if (h) this.health.set(node.metadata?.name ?? '', { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
      for (const [z, s] of t.states) {
        this.tainter(z).limiter.swap(zoneQps(s, zoneConditions.get(z)?.length ?? 0, rates), now);
        this.zoneStates.set(z, s);
      }
    } else if (t.kind === 'zoneChanges') {
      for (const [z, s] of t.changes) {
        this.logger.info('Controller detected that zone is now in new state', { zone: z, newState: s });
        this.tainter(z).limiter.swap(zoneQps(s, zoneConditions.get(z)?.length ?? 0, rates), now);
        this.zoneStates.set(z, s);
      }
    }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints follow the node's conditions. */
  private async doNoScheduleTaintingPass(nodeName: string): Promise<void> {
    const node = this.nodes.cache.get(undefined, nodeName);
    if (!node) return;
    const { add, remove } = noScheduleTaintDiff(node);
    if (add.length === 0 && remove.length === 0) return;
    if (!(await this.swapNodeTaints(nodeName, add, remove))) throw new Error(`failed to swap taints of node ${nodeName}`);
  }

  /** processPod: a pod that turns ready on a node that is not gets marked not ready again. */
  private async processPod(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.cache.get(namespace, name);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName) return;
    const h = this.health.get(nodeName);
    if (!h || !this.nodes.cache.get(undefined, nodeName)) return;
    const ready = h.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'True') return;
    await markPodsNotReady({ clients: this.ctx.clients, recorder: this.recorder, nowMs: this.ctx.clock.now() }, [pod], nodeName);
  }
}
