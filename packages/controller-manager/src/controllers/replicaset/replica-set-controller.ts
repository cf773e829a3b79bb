/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas active pods per
 * ReplicaSet, claiming pods by selector and controller reference, and reports their counts.
 */
import {
  isNotFound,
  labelSelectorFromMeta,
  type Logger,
  type Pod,
  type ReplicaSet,
} from '@kubelab/api';
import type { Informer, WorkQueue } from '@kubelab/api/informer';
import { createRateLimitingQueue } from '@kubelab/api/informer';
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
import { ControllerExpectations } from '../../framework/expectations.js';
import { PodControl, podFromTemplate, slowStartBatch } from '../../framework/pod-control.js';
import { PODS, REPLICA_SETS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { isPodActive, isPodReady } from '../../util/pod-status.js';
import { podsToDelete } from './pods-to-delete.js';
import { calculateStatus, statusUnchanged } from './replica-set-status.js';

/** At most this many creates or deletes per sync (BurstReplicas). */
export const BURST_REPLICAS = 500;

export interface ReplicaSetControllerOptions {
  workers?: number;
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  readonly queue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  private readonly rsInformer: Informer<ReplicaSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly podControl: PodControl;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: ReplicaSetControllerOptions = {},
  ) {
    this.logger = ctx.logger.named('replica_set.go');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.expectations = new ControllerExpectations(ctx.clock);
    this.rsInformer = ctx.informers.informer<ReplicaSet>(REPLICA_SETS);
    this.podInformer = ctx.informers.informer<Pod>(PODS);
    this.podControl = new PodControl({
      clients: ctx.clients,
      recorder: ctx.recorder('replicaset-controller'),
      ownerKind: REPLICA_SETS,
    });
    this.rsInformer.on('add', (rs) => this.queue.add(namespacedKey(rs)));
    this.rsInformer.on('update', (rs, old) => {
      if (old.metadata?.uid !== rs.metadata?.uid) this.expectations.delete(namespacedKey(old));
      this.queue.add(namespacedKey(rs));
    });
    this.rsInformer.on('delete', (rs) => {
      this.expectations.delete(namespacedKey(rs));
      this.queue.add(namespacedKey(rs));
    });
    this.podInformer.on('add', (pod) => this.addPod(pod));
    this.podInformer.on('update', (pod, old) => this.updatePod(pod, old));
    this.podInformer.on('delete', (pod) => this.deletePod(pod));
  }

  private resolveControllerRef(pod: Pod): ReplicaSet | undefined {
    const ref = getControllerOf(pod);
    if (!ref || !refersTo(ref, REPLICA_SETS)) return undefined;
    const rs = this.rsInformer.cache.get(pod.metadata?.namespace, ref.name);
    return rs && rs.metadata?.uid === ref.uid ? rs : undefined;
  }

  /** ReplicaSets whose selector matches an orphan pod. */
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    return this.rsInformer.cache.list(pod.metadata?.namespace ?? '').filter((rs) => {
      try {
        const sel = labelSelectorFromMeta(rs.spec?.selector);
        return !sel.empty && sel.matches(pod.metadata?.labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) return this.deletePod(pod);
    if (getControllerOf(pod)) {
      const rs = this.resolveControllerRef(pod);
      if (!rs) return;
      this.expectations.creationObserved(namespacedKey(rs));
      this.queue.add(namespacedKey(rs));
      return;
    }
    for (const rs of this.podReplicaSets(pod)) this.queue.add(namespacedKey(rs));
  }

  private updatePod(pod: Pod, old: Pod): void {
    if (pod.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const labelChanged =
      JSON.stringify(pod.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (pod.metadata?.deletionTimestamp) {
      this.deletePod(pod);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const oldRs = this.resolveControllerRef(old);
      if (oldRs) this.queue.add(namespacedKey(oldRs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(pod);
      if (!rs) return;
      this.queue.add(namespacedKey(rs));
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(pod) && minReady > 0) {
        this.queue.addAfter(namespacedKey(rs), minReady * 1000 + 1000);
      }
      return;
    }
    if (labelChanged || refChanged)
      for (const rs of this.podReplicaSets(pod)) this.queue.add(namespacedKey(rs));
  }

  private deletePod(pod: Pod): void {
    const rs = this.resolveControllerRef(pod);
    if (!rs) return;
    const key = namespacedKey(rs);
    this.expectations.deletionObserved(key, namespacedKey(pod));
    this.queue.add(key);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting controller', { name: 'replicaset' });
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncReplicaSet(k),
        workers: this.opts.workers ?? 5,
        logger: this.logger,
      },
      signal,
    );
  }

  /** Pods of ReplicaSets controlled by the same owner (getIndirectlyRelatedPods). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = getControllerOf(rs);
    if (!owner) return [];
    const ns = rs.metadata?.namespace ?? '';
    const siblings = new Set(
      this.rsInformer.cache
        .list(ns)
        .filter((r) => getControllerOf(r)?.uid === owner.uid)
        .map((r) => r.metadata?.uid),
    );
    return this.podInformer.cache.list(ns).filter((p) => {
      const ref = getControllerOf(p);
      return ref !== undefined && siblings.has(ref.uid);
    });
  }

  async syncReplicaSet(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const rs = this.rsInformer.cache.get(namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const selector = labelSelectorFromMeta(rs.spec?.selector);
    const active = this.podInformer.cache.list(namespace).filter(isPodActive);
    const rsClient = this.ctx.clients.resource<ReplicaSet>(REPLICA_SETS, namespace);
    const pods = await claimObjects(
      {
        owner: rs,
        controllerRef: newControllerRef(rs, REPLICA_SETS),
        selector,
        client: this.ctx.clients.resource<Pod>(PODS, namespace),
        recheckOwner: async () =>
          rsClient
            .get(name)
            .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
      },
      active,
    );
    let manageError: Error | undefined;
    if (needsSync && !rs.metadata?.deletionTimestamp) {
      manageError = await this.manageReplicas(pods, rs).then(
        () => undefined,
        (err: unknown) => err as Error,
      );
    }
    const now = this.ctx.clock.now();
    const status = calculateStatus({ rs, pods, manageError, nowMs: now });
    const updated = await this.updateStatus(rs, status);
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const desired = updated.spec?.replicas ?? 1;
    if (
      !manageError &&
      minReady > 0 &&
      updated.status?.readyReplicas === desired &&
      updated.status.availableReplicas !== desired
    ) {
      this.queue.addAfter(key, minReady * 1000);
    }
    if (manageError) throw manageError;
  }

  private async updateStatus(
    rs: ReplicaSet,
    status: ReturnType<typeof calculateStatus>,
  ): Promise<ReplicaSet> {
    if (statusUnchanged(rs, status)) return rs;
    const client = this.ctx.clients.resource<ReplicaSet>(REPLICA_SETS, rs.metadata?.namespace);
    const next = { ...status, observedGeneration: rs.metadata?.generation ?? 0 };
    try {
      return await client.updateStatus({ ...rs, status: next });
    } catch (err) {
      if (isNotFound(err)) return rs;
      const fresh = await client.get(rs.metadata?.name ?? '');
      return client.updateStatus({
        ...fresh,
        status: { ...next, observedGeneration: fresh.metadata?.generation ?? 0 },
      });
    }
  }

  private async manageReplicas(pods: Pod[], rs: ReplicaSet): Promise<void> {
    const key = namespacedKey(rs);
    const want = rs.spec?.replicas ?? 1;
    let diff = pods.length - want;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff);
      this.logger.info('Too few replicas', { replicaSet: key, need: want, creating: diff });
      const ref = newControllerRef(rs, REPLICA_SETS);
      const { successes, error } = await slowStartBatch(diff, 1, async () => {
        await this.podControl.createPod(
          rs,
          podFromTemplate(rs.spec?.template ?? {}, rs.metadata?.name ?? '', ref),
        );
      });
      const skipped = diff - successes;
      if (skipped > 0) this.expectations.lowerExpectations(key, skipped, 0);
      if (error) throw error;
      return;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      this.logger.info('Too many replicas', { replicaSet: key, need: want, deleting: diff });
      const victims = podsToDelete(pods, this.relatedPods(rs), diff, this.ctx.clock.now());
      this.expectations.expectDeletions(key, victims.map(namespacedKey));
      const results = await Promise.allSettled(
        victims.map(async (pod) => {
          try {
            await this.podControl.deletePod(rs, pod);
          } catch (err) {
            this.expectations.deletionObserved(key, namespacedKey(pod));
            throw err;
          }
        }),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason as Error;
    }
  }
}
