/**
 * The Deployment controller (pkg/controller/deployment): owns ReplicaSets named
 * `<deployment>-<pod-template-hash>` and rolls them with the RollingUpdate or Recreate strategy.
 */
import {
  isNotFound,
  labelSelectorFromMeta,
  type Deployment,
  type Logger,
  type Pod,
  type ReplicaSet,
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
import { DEPLOYMENTS, PODS, REPLICA_SETS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { DeploymentSync } from './deployment-sync.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling.js';

export interface DeploymentControllerOptions {
  workers?: number;
}

/** maxRetries: a deployment is dropped from the queue after this many failed syncs. */
export const DEPLOYMENT_MAX_RETRIES = 15;

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  readonly queue: WorkQueue<string>;
  private readonly dInformer: Informer<Deployment>;
  private readonly rsInformer: Informer<ReplicaSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;
  private readonly syncer: DeploymentSync;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: DeploymentControllerOptions = {},
  ) {
    this.logger = ctx.logger.named('deployment_controller.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.dInformer = ctx.informers.informer<Deployment>(DEPLOYMENTS);
    this.rsInformer = ctx.informers.informer<ReplicaSet>(REPLICA_SETS);
    this.podInformer = ctx.informers.informer<Pod>(PODS);
    this.recorder = ctx.recorder('deployment-controller');
    this.syncer = new DeploymentSync({
      clients: ctx.clients,
      recorder: this.recorder,
      now: () => ctx.clock.now(),
      logger: this.logger,
      rsCache: this.rsInformer.cache,
      enqueueAfter: (d, ms) =>
        ms <= 0
          ? this.queue.addRateLimited(namespacedKey(d))
          : this.queue.addAfter(namespacedKey(d), ms),
    });
    const enqueue = (d: Deployment): void => this.queue.add(namespacedKey(d));
    this.dInformer.on('add', enqueue);
    this.dInformer.on('update', enqueue);
    this.dInformer.on('delete', enqueue);
    this.rsInformer.on('add', (rs) => this.addReplicaSet(rs));
    this.rsInformer.on('update', (rs, old) => this.updateReplicaSet(rs, old));
    this.rsInformer.on('delete', (rs) => this.deleteReplicaSet(rs));
    this.podInformer.on('delete', (pod) => this.deletePod(pod));
  }

  private resolve(
    ns: string | undefined,
    ref: ReturnType<typeof getControllerOf>,
  ): Deployment | undefined {
    if (!ref || !refersTo(ref, DEPLOYMENTS)) return undefined;
    const d = this.dInformer.cache.get(ns, ref.name);
    return d?.metadata?.uid === ref.uid ? d : undefined;
  }

  /** Deployments whose selector matches an orphan ReplicaSet. */
  private deploymentsFor(rs: ReplicaSet): Deployment[] {
    return this.dInformer.cache.list(rs.metadata?.namespace ?? '').filter((d) => {
      try {
        const sel = labelSelectorFromMeta(d.spec?.selector);
        return !sel.empty && sel.matches(rs.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata?.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = getControllerOf(rs);
    if (ref) {
      const d = this.resolve(rs.metadata?.namespace, ref);
      if (d) this.queue.add(namespacedKey(d));
      return;
    }
    for (const d of this.deploymentsFor(rs)) this.queue.add(namespacedKey(d));
  }

  private updateReplicaSet(rs: ReplicaSet, old: ReplicaSet): void {
    if (rs.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const curRef = getControllerOf(rs);
    const oldRef = getControllerOf(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const d = this.resolve(old.metadata?.namespace, oldRef);
      if (d) this.queue.add(namespacedKey(d));
    }
    if (curRef) {
      const d = this.resolve(rs.metadata?.namespace, curRef);
      if (d) this.queue.add(namespacedKey(d));
      return;
    }
    const labelChanged =
      JSON.stringify(rs.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (labelChanged || refChanged)
      for (const d of this.deploymentsFor(rs)) this.queue.add(namespacedKey(d));
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const d = this.resolve(rs.metadata?.namespace, getControllerOf(rs));
    if (d) this.queue.add(namespacedKey(d));
  }

  /** A Recreate deployment waits for its old pods to be gone. */
  private deletePod(pod: Pod): void {
    const rsRef = getControllerOf(pod);
    if (!rsRef || !refersTo(rsRef, REPLICA_SETS)) return;
    const rs = this.rsInformer.cache.get(pod.metadata?.namespace, rsRef.name);
    if (!rs || rs.metadata?.uid !== rsRef.uid) return;
    const d = this.resolve(rs.metadata?.namespace, getControllerOf(rs));
    if (d?.spec?.strategy?.type === 'Recreate') this.queue.add(namespacedKey(d));
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting controller', { controller: 'deployment' });
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncDeployment(k),
        workers: this.opts.workers ?? 5,
        logger: this.logger,
        maxRetries: DEPLOYMENT_MAX_RETRIES,
        errorMessage: 'Error syncing deployment',
      },
      signal,
    );
  }

  private async replicaSetsFor(d: Deployment): Promise<ReplicaSet[]> {
    const ns = d.metadata?.namespace ?? '';
    const client = this.ctx.clients.resource<Deployment>(DEPLOYMENTS, ns);
    return claimObjects(
      {
        owner: d,
        controllerRef: newControllerRef(d, DEPLOYMENTS),
        selector: labelSelectorFromMeta(d.spec?.selector),
        client: this.ctx.clients.resource<ReplicaSet>(REPLICA_SETS, ns),
        recheckOwner: () =>
          client
            .get(d.metadata?.name ?? '')
            .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
      },
      this.rsInformer.cache.list(ns),
    );
  }

  /** Pods of the deployment, by the uid of the ReplicaSet that controls them. */
  private podMap(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const sel = labelSelectorFromMeta(d.spec?.selector);
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata?.uid ?? '', []]));
    for (const pod of this.podInformer.cache.list(d.metadata?.namespace ?? '')) {
      if (!sel.matches(pod.metadata?.labels)) continue;
      const ref = getControllerOf(pod);
      if (ref && map.has(ref.uid)) map.get(ref.uid)?.push(pod);
    }
    return map;
  }

  async syncDeployment(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const cached = this.dInformer.cache.get(namespace, name);
    if (!cached) {
      this.logger.info('Deployment has been deleted', { deployment: key });
      return;
    }
    const d = structuredClone(cached);
    const sel = d.spec?.selector;
    if (
      sel &&
      Object.keys(sel.matchLabels ?? {}).length === 0 &&
      (sel.matchExpressions ?? []).length === 0
    ) {
      this.recorder.event(
        objectReference(DEPLOYMENTS, d),
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
      );
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        (d.status ??= {}).observedGeneration = d.metadata?.generation ?? 0;
        await this.syncer.updateStatus(d);
      }
      return;
    }
    const rsList = await this.replicaSetsFor(d);
    const podMap = this.podMap(d, rsList);
    if (d.metadata?.deletionTimestamp) return this.syncer.syncStatusOnly(d, rsList);
    await this.syncer.checkPausedConditions(d);
    if (d.spec?.paused) return this.syncer.sync(d, rsList);
    if (await this.syncer.isScalingEvent(d, rsList)) return this.syncer.sync(d, rsList);
    switch (d.spec?.strategy?.type ?? 'RollingUpdate') {
      case 'Recreate':
        return rolloutRecreate(this.syncer, d, rsList, podMap);
      case 'RollingUpdate':
        return rolloutRolling(this.syncer, d, rsList);
      default:
        throw new Error(`unexpected deployment strategy type: ${d.spec?.strategy?.type ?? ''}`);
    }
  }
}
