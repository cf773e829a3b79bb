/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): watches node heartbeats (Ready
 * condition and kube-node-lease Leases), marks silent nodes Unknown, taints them NoSchedule and
 * NoExecute, marks their pods not ready, and stops all that when every node is down.
 */
import type { Lease, Logger, Node, ObjectReference, Pod } from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { namespacedKey, splitKey } from '../../framework/controller-ref.js';
import type { EventRecorder } from '../../framework/event-recorder.js';
import { LEASES, NODES, PODS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { markPodsNotReady } from './mark-pods-not-ready.js';
import { tryUpdateNodeHealth, type NodeHealth } from './node-health.js';
import { handleDisruption } from './disruption.js';
import { NodeTainter } from './node-tainter.js';
import { EXCLUDE_DISRUPTION_LABEL, zoneKey, type ZoneState } from './zone-state.js';

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
  readonly tainter: NodeTainter;
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
    this.tainter = new NodeTainter({
      clients: ctx.clients,
      clock: ctx.clock,
      logger: this.logger,
      nodes: this.nodes.cache,
      evictionQps: this.o.evictionQps,
    });
    this.nodeQueue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.podQueue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.nodes.on('add', (n) => this.nodeQueue.add(n.metadata?.name ?? ''));
    this.nodes.on('update', (n) => this.nodeQueue.add(n.metadata?.name ?? ''));
    this.pods.on('add', (p) => this.podQueue.add(namespacedKey(p)));
    this.pods.on('update', (p, old) => {
      if (
        p.spec?.nodeName &&
        (p.spec.nodeName !== old.spec?.nodeName ||
          JSON.stringify(p.status?.conditions) !== JSON.stringify(old.status?.conditions))
      ) {
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
      this.loop(signal, NODE_EVICTION_PERIOD_MS, () => this.tainter.doNoExecuteTaintingPass()),
      runWorkers(
        {
          queue: this.nodeQueue,
          sync: (n) => this.tainter.doNoScheduleTaintingPass(n),
          workers: 8,
          logger: this.logger,
        },
        signal,
      ),
      runWorkers(
        { queue: this.podQueue, sync: (k) => this.processPod(k), workers: 4, logger: this.logger },
        signal,
      ),
    ]);
  }

  private async loop(
    signal: AbortSignal,
    periodMs: number,
    fn: () => Promise<void>,
  ): Promise<void> {
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
      if (!this.zoneStates.has(zoneKey(node))) this.zoneStates.set(zoneKey(node), 'Initial');
      await this.tainter
        .markNodeAsReachable(node)
        .catch((err: unknown) =>
          this.logger.error('Failed to remove taints from node', err, { node: name }),
        );
    }
    for (const [name, node] of this.known) {
      if (seen.has(name)) continue;
      this.logger.info('Controller observed a Node deletion', { node: name });
      this.nodeEvent(node, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.health.delete(name);
    }
    const zoneConditions = new Map<
      string,
      (NonNullable<Node['status']>['conditions'] extends (infer C)[] | undefined
        ? C | undefined
        : never)[]
    >();
    for (const cached of nodes) {
      const name = cached.metadata?.name ?? '';
      let result;
      try {
        result = await this.updateNodeHealth(cached, now);
      } catch (err) {
        this.logger.error(
          'Update health of Node from Controller error, Skipping - no pods will be evicted',
          err,
          { node: name },
        );
        continue;
      }
      const { node, observedReady, currentReady } = result;
      if (node.metadata?.labels?.[EXCLUDE_DISRUPTION_LABEL] === undefined) {
        const z = zoneKey(node);
        zoneConditions.set(z, [...(zoneConditions.get(z) ?? []), currentReady]);
      }
      if (!currentReady) continue;
      await this.tainter
        .processTaintBaseEviction(node, observedReady.status)
        .catch((err: unknown) => this.logger.error('Failed to update taints', err, { node: name }));
      const transitioned = currentReady.status !== 'True' && observedReady.status === 'True';
      if (transitioned)
        this.nodeEvent(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      if (transitioned || (this.retryMarkPods.has(name) && observedReady.status !== 'True')) {
        const pods = this.pods.cache.list().filter((p) => p.spec?.nodeName === name);
        try {
          await markPodsNotReady(
            { clients: this.ctx.clients, recorder: this.recorder, nowMs: now },
            pods,
            name,
          );
        } catch (err) {
          this.logger.error('Unable to mark all pods NotReady on node; queuing for retry', err, {
            node: name,
          });
          this.retryMarkPods.add(name);
          continue;
        }
      }
      this.retryMarkPods.delete(name);
    }
    await handleDisruption(
      {
        tainter: this.tainter,
        zoneStates: this.zoneStates,
        health: this.health,
        logger: this.logger,
        nowMs: now,
        options: this.o,
      },
      zoneConditions,
      nodes,
    );
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
    await markPodsNotReady(
      { clients: this.ctx.clients, recorder: this.recorder, nowMs: this.ctx.clock.now() },
      [pod],
      nodeName,
    );
  }
}
