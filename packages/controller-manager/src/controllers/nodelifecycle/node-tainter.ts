/**
 * The node lifecycle controller's taint writes (SwapNodeControllerTaint, markNodeAsReachable,
 * processTaintBaseEviction, doNoExecuteTaintingPass, doNoScheduleTaintingPass): NoExecute
 * not-ready/unreachable taints go through a rate-limited queue per zone; NoSchedule ones
 * follow the node's conditions at once.
 */
import {
  isConflict,
  isNotFound,
  rfc3339,
  type Clock,
  type Logger,
  type Node,
  type Taint,
} from '@kubelab/api';
import type { ObjectCache } from '@kubelab/api/informer';
import type { ClientSet } from '../../framework/client-set.js';
import { NODES } from '../../framework/resources.js';
import { taintExists } from '../../util/taints.js';
import {
  noScheduleTaintDiff,
  NOT_READY_NO_EXECUTE,
  swapTaints,
  UNREACHABLE_NO_EXECUTE,
} from './condition-taints.js';
import { RateLimitedTimedQueue } from './rate-limited-timed-queue.js';
import { zoneKey } from './zone-state.js';

export interface NodeTainterOptions {
  clients: ClientSet;
  clock: Clock;
  logger: Logger;
  nodes: ObjectCache<Node>;
  evictionQps: number;
}

export class NodeTainter {
  private readonly queues = new Map<string, RateLimitedTimedQueue>();

  constructor(private readonly o: NodeTainterOptions) {}

  /** The NoExecute tainting queue of a zone (zoneNoExecuteTainter). */
  zone(zone: string): RateLimitedTimedQueue {
    let q = this.queues.get(zone);
    if (!q) {
      q = new RateLimitedTimedQueue(this.o.evictionQps, this.o.clock.now());
      this.queues.set(zone, q);
    }
    return q;
  }

  /** SwapNodeControllerTaint on the live node; false when conflicts kept it from landing. */
  async swap(nodeName: string, add: Taint[], remove: Taint[]): Promise<boolean> {
    const client = this.o.clients.resource<Node>(NODES);
    for (let attempt = 0; attempt < 5; attempt++) {
      let node: Node;
      try {
        node = await client.get(nodeName);
      } catch (err) {
        if (isNotFound(err)) return true;
        throw err;
      }
      const before = node.spec?.taints ?? [];
      const needed =
        add.some((a) => !taintExists(before, a)) || remove.some((r) => taintExists(before, r));
      if (!needed) return true;
      const taints = swapTaints(before, add, remove, rfc3339(this.o.clock.now()));
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
  async markNodeAsReachable(node: Node): Promise<boolean> {
    await this.swap(node.metadata?.name ?? '', [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
    return this.zone(zoneKey(node)).remove(node.metadata?.name ?? '');
  }

  /** processTaintBaseEviction, from the Ready status the node itself last posted. */
  async processTaintBaseEviction(node: Node, observed: string): Promise<void> {
    const name = node.metadata?.name ?? '';
    const taints = node.spec?.taints ?? [];
    const now = this.o.clock.now();
    if (observed === 'False') {
      if (taintExists(taints, UNREACHABLE_NO_EXECUTE))
        await this.swap(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
      else if (this.zone(zoneKey(node)).add(name, node.metadata?.uid ?? '', now)) {
        this.o.logger.info('Node is NotReady. Adding it to the Taint queue', { node: name });
      }
    } else if (observed === 'Unknown') {
      if (taintExists(taints, NOT_READY_NO_EXECUTE))
        await this.swap(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
      else if (this.zone(zoneKey(node)).add(name, node.metadata?.uid ?? '', now)) {
        this.o.logger.info('Node is unresponsive. Adding it to the Taint queue', { node: name });
      }
    } else if (observed === 'True') {
      if (await this.markNodeAsReachable(node))
        this.o.logger.info('Node is healthy again, removed all taints', { node: name });
    }
  }

  /** doNoExecuteTaintingPass: taints queued nodes as their limiters allow. */
  async doNoExecuteTaintingPass(): Promise<void> {
    const now = this.o.clock.now();
    for (const q of this.queues.values()) {
      await q.try(now, async (name) => {
        const node = this.o.nodes.get(undefined, name);
        if (!node) return [true, 0];
        const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
        if (!ready) return [false, 50];
        if (ready.status === 'False')
          return [await this.swap(name, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]), 0];
        if (ready.status === 'Unknown')
          return [await this.swap(name, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]), 0];
        return [true, 0];
      });
    }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints follow the node's conditions. */
  async doNoScheduleTaintingPass(nodeName: string): Promise<void> {
    const node = this.o.nodes.get(undefined, nodeName);
    if (!node) return;
    const { add, remove } = noScheduleTaintDiff(node);
    if (add.length === 0 && remove.length === 0) return;
    if (!(await this.swap(nodeName, add, remove)))
      throw new Error(`failed to swap taints of node ${nodeName}`);
  }
}
