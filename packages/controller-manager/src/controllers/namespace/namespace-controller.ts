/**
 * The namespace controller (pkg/controller/namespace): empties a terminating namespace of every
 * namespaced resource, reports the deletion conditions, then removes the `kubernetes`
 * finalizer through namespaces/<name>/finalize, after which the apiserver deletes it.
 */
import {
  groupVersion,
  isNotFound,
  RESOURCES,
  type ApiObject,
  type Logger,
  type Namespace,
  type Pod,
  type ResourceInfo,
} from '@kubelab/api';
import {
  createRateLimitingQueue,
  ItemExponentialFailureRateLimiter,
  type Informer,
  type WorkQueue,
} from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { NAMESPACES, PODS } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import {
  failureConditions,
  updateConditions,
  type DeletionTotals,
} from './namespace-conditions.js';

export const FINALIZER_KUBERNETES = 'kubernetes';
export const NAMESPACE_DELETION_GRACE_MS = 5_000;
/** finalizerEstimateSeconds: the wait when remaining content carries finalizers. */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** The namespaced resources the controller empties: everything it can list and delete. */
export function namespacedDeletableResources(): ResourceInfo[] {
  return RESOURCES.filter(
    (r) => r.namespaced && r.verbs.includes('list') && r.verbs.includes('delete'),
  );
}

export class ResourcesRemainingError extends Error {
  constructor(readonly estimateSeconds: number) {
    super(
      `some content remains in the namespace, estimate ${estimateSeconds} seconds before it is removed`,
    );
  }
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  readonly queue: WorkQueue<string>;
  private readonly nsInformer: Informer<Namespace>;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number } = {},
  ) {
    this.logger = ctx.logger.named('namespace_controller.go');
    this.queue = createRateLimitingQueue<string>({
      clock: ctx.clock,
      rateLimiter: new ItemExponentialFailureRateLimiter<string>(5, 60_000),
    });
    this.nsInformer = ctx.informers.informer<Namespace>(NAMESPACES);
    // namespaceDeletionGracePeriod: let HA apiservers observe the deletion, and last-minute
    // creations inside the namespace land, before emptying it.
    const enqueue = (ns: Namespace): void => {
      if (ns.metadata?.deletionTimestamp)
        this.queue.addAfter(ns.metadata.name ?? '', NAMESPACE_DELETION_GRACE_MS);
    };
    this.nsInformer.on('add', enqueue);
    this.nsInformer.on('update', enqueue);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting namespace controller');
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.sync(k),
        workers: this.opts.workers ?? 10,
        logger: this.logger,
      },
      signal,
    );
  }

  private async sync(name: string): Promise<void> {
    try {
      await this.syncNamespace(name);
    } catch (err) {
      if (!(err instanceof ResourcesRemainingError)) throw err;
      const wait = Math.floor(err.estimateSeconds / 2) + 1;
      this.logger.info('Content remaining in namespace', { namespace: name, waitSeconds: wait });
      this.queue.addAfter(name, wait * 1000);
    }
  }

  /** namespacedResourcesDeleter.Delete. */
  async syncNamespace(name: string): Promise<void> {
    const client = this.ctx.clients.resource<Namespace>(NAMESPACES);
    let ns: Namespace;
    try {
      ns = await client.get(name);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (!ns.metadata?.deletionTimestamp) return;
    if (ns.status?.phase !== 'Terminating') {
      try {
        ns = await client.updateStatus({ ...ns, status: { ...ns.status, phase: 'Terminating' } });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
    }
    if ((ns.spec?.finalizers ?? []).length === 0) return;
    const estimate = await this.deleteAllContent(ns);
    if (estimate > 0) throw new ResourcesRemainingError(estimate);
    const latest = await client
      .get(name)
      .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err)));
    if (!latest) return;
    const finalizers = [
      ...new Set((latest.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES)),
    ].sort();
    try {
      await this.ctx.clients.finalizeNamespace({ ...latest, spec: { ...latest.spec, finalizers } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** estimateGracefulTerminationForPods, less the time the namespace has been terminating. */
  private async estimatePods(ns: Namespace): Promise<number> {
    const pods = await this.ctx.clients.resource<Pod>(PODS, ns.metadata?.name).list();
    let estimate = 0;
    for (const p of pods.items) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      estimate = Math.max(estimate, p.spec?.terminationGracePeriodSeconds ?? 0);
    }
    const since = this.ctx.clock.now() - Date.parse(ns.metadata?.deletionTimestamp ?? '');
    return since >= estimate * 1000 ? 0 : estimate;
  }

  private async deleteAllContent(ns: Namespace): Promise<number> {
    const namespace = ns.metadata?.name ?? '';
    const totals: DeletionTotals = { remaining: new Map(), finalizers: new Map(), errors: [] };
    let estimate = 0;
    for (const info of namespacedDeletableResources()) {
      const gr = `${info.plural}.${info.group}`;
      try {
        const local = info === PODS ? await this.estimatePods(ns) : 0;
        const client = this.ctx.clients.resource<ApiObject>(info, namespace);
        const items = (await client.list()).items;
        for (const item of items) {
          if (item.metadata?.deletionTimestamp) continue;
          await client
            .delete(item.metadata?.name ?? '', { propagationPolicy: 'Background' })
            .catch((err: unknown) => {
              if (!isNotFound(err)) throw err;
            });
        }
        const left = (await client.list()).items;
        const byFinalizer = new Map<string, number>();
        for (const item of left)
          for (const f of item.metadata?.finalizers ?? [])
            byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
        if (left.length > 0) totals.remaining.set(gr, left.length);
        for (const [f, n] of byFinalizer)
          totals.finalizers.set(f, (totals.finalizers.get(f) ?? 0) + n);
        if (local > 0) estimate = Math.max(estimate, local);
        else if (byFinalizer.size > 0) estimate = Math.max(estimate, FINALIZER_ESTIMATE_SECONDS);
        else if (left.length > 0)
          throw new Error(
            `unexpected items still remain in namespace: ${namespace} for gvr: ${groupVersion(info)}, Resource=${info.plural}`,
          );
      } catch (err) {
        totals.errors.push((err as Error).message);
      }
    }
    const now = this.ctx.clock.now();
    if (updateConditions(ns, failureConditions(totals, now), now)) {
      await this.ctx.clients
        .resource<Namespace>(NAMESPACES)
        .updateStatus(ns)
        .catch((err: unknown) =>
          this.logger.error("Couldn't update status condition for namespace", err, { namespace }),
        );
    }
    if (totals.errors.length > 0) throw new Error(totals.errors.join(', '));
    return estimate;
  }
}
