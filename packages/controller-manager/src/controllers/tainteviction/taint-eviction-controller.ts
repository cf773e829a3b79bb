/**
 * The taint eviction controller (pkg/controller/tainteviction): deletes pods from nodes tainted
 * NoExecute once their tolerations run out, marking them with the DisruptionTarget condition
 * first. Static and mirror pods tolerate NoExecute forever and so are never evicted.
 */
import {
  isNotFound,
  rfc3339,
  type Logger,
  type Node,
  type ObjectReference,
  type Pod,
} from '@kubelab/api';
import type { Informer } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { namespacedKey, splitKey } from '../../framework/controller-ref.js';
import type { EventRecorder } from '../../framework/event-recorder.js';
import { NODES, PODS } from '../../framework/resources.js';
import { TimedWorkerQueue } from './timed-worker-queue.js';
import { evictionDecision, noExecuteTaints } from './toleration-time.js';

const DELETE_RETRIES = 5;

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  readonly queue: TimedWorkerQueue;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;

  constructor(private readonly ctx: ControllerContext) {
    this.logger = ctx.logger.named('taint_eviction.go');
    this.recorder = ctx.recorder('taint-eviction-controller');
    this.queue = new TimedWorkerQueue(ctx.clock, (key) => this.deletePod(key));
    this.pods = ctx.informers.informer<Pod>(PODS);
    this.nodes = ctx.informers.informer<Node>(NODES);
    this.pods.on('add', (p) => this.podChanged(p));
    this.pods.on('update', (p) => this.podChanged(p));
    this.pods.on('delete', (p) => this.cancel(namespacedKey(p), false));
    this.nodes.on('add', (n) => this.nodeChanged(n, undefined));
    this.nodes.on('update', (n, old) => this.nodeChanged(n, old));
  }

  private ref(key: string): ObjectReference {
    const { namespace, name } = splitKey(key);
    return { kind: 'Pod', name, namespace };
  }

  private cancel(key: string, withEvent = true): void {
    if (this.queue.cancelWork(key) && withEvent) {
      this.recorder.event(
        this.ref(key),
        'Normal',
        'TaintManagerEviction',
        `Cancelling deletion of Pod ${key}`,
      );
    }
  }

  private processPodOnNode(pod: Pod, node: Node | undefined): void {
    const key = namespacedKey(pod);
    const taints = noExecuteTaints(node?.spec?.taints);
    const d = evictionDecision(
      taints,
      pod.spec?.tolerations,
      this.ctx.clock.now(),
      this.queue.get(key),
    );
    if (d.action === 'cancel') return this.cancel(key);
    if (d.action === 'keep') return;
    if (d.fireAt <= d.createdAt)
      this.logger.info('Not all taints are tolerated after update for pod on node', {
        pod: key,
        node: node?.metadata?.name,
      });
    this.cancel(key);
    this.queue.addWork(key, d.createdAt, d.fireAt);
  }

  private podChanged(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) return this.cancel(namespacedKey(pod), false);
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    this.processPodOnNode(pod, this.nodes.cache.get(undefined, nodeName));
  }

  private nodeChanged(node: Node, old: Node | undefined): void {
    const taints = noExecuteTaints(node.spec?.taints);
    if (
      old &&
      JSON.stringify(noExecuteTaints(old.spec?.taints).map((t) => [t.key, t.value])) ===
        JSON.stringify(taints.map((t) => [t.key, t.value]))
    )
      return;
    const name = node.metadata?.name ?? '';
    for (const pod of this.pods.cache.list()) {
      if (pod.spec?.nodeName !== name || pod.metadata?.deletionTimestamp) continue;
      this.processPodOnNode(pod, node);
    }
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting taint eviction controller');
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.queue.stop();
  }

  /** addConditionAndDeletePod, with the TaintManagerEviction event. */
  private async deletePod(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    this.logger.info('Deleting pod', { controller: 'taint-eviction-controller', pod: key });
    this.recorder.event(
      this.ref(key),
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${key}`,
    );
    const client = this.ctx.clients.resource<Pod>(PODS, namespace);
    for (let i = 0; i < DELETE_RETRIES; i++) {
      try {
        const pod = await client.get(name);
        const conditions = [...(pod.status?.conditions ?? [])];
        const existing = conditions.find((c) => c.type === 'DisruptionTarget');
        if (
          !existing ||
          existing.status !== 'True' ||
          existing.reason !== 'DeletionByTaintManager'
        ) {
          const cond = {
            type: 'DisruptionTarget',
            status: 'True',
            lastTransitionTime: rfc3339(this.ctx.clock.now()),
            reason: 'DeletionByTaintManager',
            message: 'Taint manager: deleting due to NoExecute taint',
          };
          await client.updateStatus({
            ...pod,
            status: {
              ...pod.status,
              conditions: [...conditions.filter((c) => c.type !== 'DisruptionTarget'), cond],
            },
          });
        }
        await client.delete(name);
        return;
      } catch (err) {
        if (isNotFound(err)) return;
        if (i === DELETE_RETRIES - 1) throw err;
        await this.ctx.clock.sleep(10);
      }
    }
  }
}
