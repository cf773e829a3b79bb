/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned through
 * node affinity so the scheduler binds it there, with ControllerRevisions and rolling updates.
 */
import {
  isNotFound,
  labelSelectorFromMeta,
  type ControllerRevision,
  type DaemonSet,
  type Logger,
  type Node,
  type Pod,
} from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import {
  getControllerOf,
  namespacedKey,
  newControllerRef,
  refersTo,
  splitKey,
} from '../../framework/controller-ref.js';
import { claimObjects } from '../../framework/controller-ref-manager.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { ControllerExpectations } from '../../framework/expectations.js';
import { PodControl } from '../../framework/pod-control.js';
import { CONTROLLER_REVISIONS, DAEMON_SETS, NODES, PODS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { isPodReady } from '../../util/pod-status.js';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  nodeShouldRunDaemonPod,
  selectsEverything,
  targetNodeName,
} from './daemon-pod.js';
import { syncNodes } from './sync-nodes.js';
import { DaemonHistory } from './daemon-history.js';
import {
  daemonSetStatus,
  daemonSetStatusUnchanged,
  storeDaemonSetStatus,
} from './daemonset-status.js';
import { FailedPodsBackoff, planManage } from './pods-should-be-on-node.js';
import { planRollingUpdate } from './rolling-update.js';

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  readonly queue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  private readonly dsInformer: Informer<DaemonSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly nodeInformer: Informer<Node>;
  private readonly historyInformer: Informer<ControllerRevision>;
  private readonly podControl: PodControl;
  private readonly recorder: EventRecorder;
  private readonly history: DaemonHistory;
  private readonly logger: Logger;
  private readonly failedBackoff = new FailedPodsBackoff();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number } = {},
  ) {
    this.logger = ctx.logger.named('daemon_controller.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.expectations = new ControllerExpectations(ctx.clock);
    this.dsInformer = ctx.informers.informer<DaemonSet>(DAEMON_SETS);
    this.podInformer = ctx.informers.informer<Pod>(PODS);
    this.nodeInformer = ctx.informers.informer<Node>(NODES);
    this.historyInformer = ctx.informers.informer<ControllerRevision>(CONTROLLER_REVISIONS);
    this.recorder = ctx.recorder('daemonset-controller');
    this.podControl = new PodControl({
      clients: ctx.clients,
      recorder: this.recorder,
      ownerKind: DAEMON_SETS,
    });
    this.history = new DaemonHistory({ clients: ctx.clients, logger: this.logger });
    const enqueue = (ds: DaemonSet): void => this.queue.add(namespacedKey(ds));
    this.dsInformer.on('add', enqueue);
    this.dsInformer.on('update', enqueue);
    this.dsInformer.on('delete', (ds) => {
      this.expectations.delete(namespacedKey(ds));
      enqueue(ds);
    });
    const byOwner = (h: ControllerRevision): void => {
      const ds = this.resolve(h.metadata?.namespace, getControllerOf(h));
      if (ds) enqueue(ds);
    };
    this.historyInformer.on('add', byOwner);
    this.historyInformer.on('update', byOwner);
    this.historyInformer.on('delete', byOwner);
    this.podInformer.on('add', (p) => this.podChanged(p, undefined));
    this.podInformer.on('update', (p, old) => this.podChanged(p, old));
    this.podInformer.on('delete', (p) => this.podDeleted(p));
    this.nodeInformer.on('add', (n) => this.nodeChanged(n, undefined));
    this.nodeInformer.on('update', (n, old) => this.nodeChanged(n, old));
    this.nodeInformer.on('delete', () => this.dsInformer.cache.list().forEach(enqueue));
  }

  private resolve(
    ns: string | undefined,
    ref: ReturnType<typeof getControllerOf>,
  ): DaemonSet | undefined {
    if (!ref || !refersTo(ref, DAEMON_SETS)) return undefined;
    const ds = this.dsInformer.cache.get(ns, ref.name);
    return ds?.metadata?.uid === ref.uid ? ds : undefined;
  }

  private podChanged(pod: Pod, old: Pod | undefined): void {
    if (old && pod.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    if (pod.metadata?.deletionTimestamp) return this.podDeleted(pod);
    const ds = this.resolve(pod.metadata?.namespace, getControllerOf(pod));
    if (ds) {
      if (!old) this.expectations.creationObserved(namespacedKey(ds));
      this.queue.add(namespacedKey(ds));
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (old && !isPodReady(old) && isPodReady(pod) && minReady > 0)
        this.queue.addAfter(namespacedKey(ds), minReady * 1000 + 1000);
      return;
    }
    if (getControllerOf(pod)) return;
    for (const d of this.dsInformer.cache.list(pod.metadata?.namespace ?? '')) {
      try {
        if (labelSelectorFromMeta(d.spec?.selector).matches(pod.metadata?.labels))
          this.queue.add(namespacedKey(d));
      } catch {
        // an invalid selector selects nothing
      }
    }
  }

  private podDeleted(pod: Pod): void {
    const ds = this.resolve(pod.metadata?.namespace, getControllerOf(pod));
    if (!ds) return;
    this.expectations.deletionObserved(namespacedKey(ds), namespacedKey(pod));
    this.queue.add(namespacedKey(ds));
  }

  private nodeChanged(node: Node, old: Node | undefined): void {
    for (const ds of this.dsInformer.cache.list()) {
      const cur = nodeShouldRunDaemonPod(node, ds);
      if (!old) {
        if (cur.shouldRun) this.queue.add(namespacedKey(ds));
        continue;
      }
      const prev = nodeShouldRunDaemonPod(old, ds);
      if (
        prev.shouldRun !== cur.shouldRun ||
        prev.shouldContinueRunning !== cur.shouldContinueRunning
      )
        this.queue.add(namespacedKey(ds));
    }
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting daemon sets controller');
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncDaemonSet(k),
        workers: this.opts.workers ?? 2,
        logger: this.logger,
      },
      signal,
    );
  }

  /** getNodesToDaemonPods: claimed pods by the node they run on (or are pinned to). */
  private async nodesToDaemonPods(
    ds: DaemonSet,
    includeDeletedTerminal: boolean,
  ): Promise<Map<string, Pod[]>> {
    const ns = ds.metadata?.namespace ?? '';
    const dsClient = this.ctx.clients.resource<DaemonSet>(DAEMON_SETS, ns);
    const claimed = await claimObjects(
      {
        owner: ds,
        controllerRef: newControllerRef(ds, DAEMON_SETS),
        selector: labelSelectorFromMeta(ds.spec?.selector),
        client: this.ctx.clients.resource<Pod>(PODS, ns),
        recheckOwner: () =>
          dsClient
            .get(ds.metadata?.name ?? '')
            .catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
      },
      this.podInformer.cache.list(ns),
    );
    const map = new Map<string, Pod[]>();
    for (const pod of claimed) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!includeDeletedTerminal && terminal && pod.metadata?.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (node === undefined) continue;
      map.set(node, [...(map.get(node) ?? []), pod]);
    }
    return map;
  }

  async syncDaemonSet(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const cached = this.dsInformer.cache.get(namespace, name);
    if (!cached) {
      this.expectations.delete(key);
      return;
    }
    const ds = structuredClone(cached);
    const nodes = this.nodeInformer.cache.list();
    if (selectsEverything(ds)) {
      const msg = 'This daemon set is selecting all pods. A non-empty selector is required.';
      this.recorder.event(objectReference(DAEMON_SETS, ds), 'Warning', 'SelectingAll', msg);
      return;
    }
    if (ds.metadata?.deletionTimestamp) return;
    const { cur, old } = await this.history.construct(
      ds,
      this.historyInformer.cache.list(namespace),
    );
    const hash = cur.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
    if (!this.expectations.satisfied(key)) return this.updateStatus(ds, nodes, hash, false);
    let err: unknown;
    try {
      await this.manage(ds, nodes, hash);
      if (
        this.expectations.satisfied(key) &&
        (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
      ) {
        const plan = planRollingUpdate({
          ds,
          nodes,
          nodeToPods: await this.nodesToDaemonPods(ds, false),
          hash,
          nowMs: this.ctx.clock.now(),
        });
        await syncNodes({ podControl: this.podControl, expectations: this.expectations }, ds, {
          podsToDelete: plan.podsToDelete,
          nodesToCreate: plan.nodesToCreate,
          hash,
        });
      }
      const live = [...(await this.nodesToDaemonPods(ds, true)).values()].flat();
      await this.history.cleanup(ds, old, live).catch((e: unknown) => {
        throw new Error(`failed to clean up revisions of DaemonSet: ${(e as Error).message}`, {
          cause: e,
        });
      });
    } catch (e) {
      err = e;
    }
    try {
      await this.updateStatus(ds, nodes, hash, true);
    } catch (statusErr) {
      if (err) this.logger.error('Failed to update status', statusErr, { daemonSet: key });
      else err = statusErr;
    }
    if (err) throw err;
  }

  private async manage(ds: DaemonSet, nodes: Node[], hash: string): Promise<void> {
    const now = this.ctx.clock.now();
    const plan = planManage(ds, nodes, await this.nodesToDaemonPods(ds, false), {
      hash,
      nowMs: now,
    });
    for (const { pod, nodeName } of plan.failed) {
      const wait = this.failedBackoff.inBackoff(`${ds.metadata?.uid ?? ''}/${nodeName}`, now);
      if (wait !== undefined) {
        this.queue.addAfter(namespacedKey(ds), wait);
        continue;
      }
      const where = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
      const msg = `Found failed daemon pod ${where} on node ${nodeName}, will try to kill it`;
      this.recorder.event(objectReference(DAEMON_SETS, ds), 'Warning', 'FailedDaemonPod', msg);
      plan.podsToDelete.push(pod);
    }
    const o = { podControl: this.podControl, expectations: this.expectations };
    await syncNodes(o, ds, {
      podsToDelete: plan.podsToDelete,
      nodesToCreate: plan.nodesToCreate,
      hash,
    });
  }

  private async updateStatus(
    ds: DaemonSet,
    nodes: Node[],
    hash: string,
    observe: boolean,
  ): Promise<void> {
    const nodeToPods = await this.nodesToDaemonPods(ds, false);
    const status = daemonSetStatus(ds, nodes, nodeToPods, { hash, nowMs: this.ctx.clock.now() });
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && status.numberReady !== status.numberAvailable)
      this.queue.addAfter(namespacedKey(ds), minReady * 1000);
    if (daemonSetStatusUnchanged(ds, status)) return;
    const client = this.ctx.clients.resource<DaemonSet>(DAEMON_SETS, ds.metadata?.namespace);
    await storeDaemonSetStatus(client, ds, { status, observe });
  }
}
