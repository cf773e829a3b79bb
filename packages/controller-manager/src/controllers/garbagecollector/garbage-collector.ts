/**
 * The garbage collector (pkg/controller/garbagecollector): watches every deletable resource,
 * keeps the ownership graph, deletes dependents whose owners are gone (background), lets
 * owners deleted in the foreground wait for their blocking dependents, and orphans the
 * dependents of owners deleted with the orphan finalizer.
 */
import {
  findResourceByKind,
  groupVersion,
  isConflict,
  isNotFound,
  RESOURCES,
  type ApiObject,
  type Logger,
  type ObjectMeta,
  type OwnerReference,
  type ResourceInfo,
} from '@kubelab/api';
import { createRateLimitingQueue, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { runWorkers } from '../../framework/run-workers.js';
import { decideDeletion, ownerState, type OwnerState } from './classify-owners.js';
import {
  DependencyGraph,
  FINALIZER_FOREGROUND,
  FINALIZER_ORPHAN,
  type GraphWork,
  type ObjectIdentity,
} from './dependency-graph.js';

/** Resources the collector never watches (DefaultIgnoredResources). */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);

export function collectableResources(): ResourceInfo[] {
  return RESOURCES.filter(
    (r) =>
      ['list', 'watch', 'delete'].every((v) => r.verbs.includes(v as never)) &&
      !IGNORED.has(`${r.group}/${r.plural}`),
  );
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  readonly graph = new DependencyGraph();
  readonly attemptToDelete: WorkQueue<string>;
  readonly attemptToOrphan: WorkQueue<string>;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number } = {},
  ) {
    this.logger = ctx.logger.named('garbagecollector.go');
    this.attemptToDelete = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.attemptToOrphan = createRateLimitingQueue<string>({ clock: ctx.clock });
    for (const info of collectableResources()) {
      const inf = ctx.informers.informer<ApiObject>(info);
      const observed = (o: ApiObject) => ({
        apiVersion: groupVersion(info),
        kind: info.kind,
        metadata: o.metadata ?? {},
      });
      inf.on('add', (o) => this.apply(this.graph.upsert(observed(o))));
      inf.on('update', (o) => this.apply(this.graph.upsert(observed(o))));
      inf.on('delete', (o) => this.apply(this.graph.remove(o.metadata?.uid ?? '')));
    }
  }

  private apply(work: GraphWork): void {
    for (const uid of work.attemptToDelete) this.attemptToDelete.add(uid);
    for (const uid of work.attemptToOrphan) this.attemptToOrphan.add(uid);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting controller', { controller: 'garbagecollector' });
    const workers = this.opts.workers ?? 20;
    await Promise.all([
      runWorkers(
        {
          queue: this.attemptToDelete,
          sync: (uid) => this.attemptToDeleteItem(uid),
          workers,
          logger: this.logger,
          errorMessage: 'Error syncing item',
        },
        signal,
      ),
      runWorkers(
        {
          queue: this.attemptToOrphan,
          sync: (uid) => this.attemptToOrphanItem(uid),
          workers,
          logger: this.logger,
          errorMessage: 'Error syncing item',
        },
        signal,
      ),
    ]);
  }

  private client(id: { apiVersion: string; kind: string; namespace: string }) {
    const info = findResourceByKind(id.apiVersion, id.kind);
    if (!info) return undefined;
    return this.ctx.clients.resource<ApiObject>(info, info.namespaced ? id.namespace : undefined);
  }

  /** A live read; undefined when the object is gone (or its kind is unknown). */
  private async get(id: ObjectIdentity): Promise<ApiObject | undefined> {
    const c = this.client(id);
    if (!c) return undefined;
    try {
      return await c.get(id.name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** GET, change the metadata, PUT; retried on conflicts; nothing when the object is gone or replaced. */
  private async mutate(id: ObjectIdentity, change: (m: ObjectMeta) => boolean): Promise<void> {
    const c = this.client(id);
    if (!c) return;
    for (let attempt = 0; ; attempt++) {
      const cur = await this.get(id);
      if (!cur || cur.metadata?.uid !== id.uid) return;
      const meta: ObjectMeta = structuredClone(cur.metadata ?? {});
      if (!change(meta)) return;
      try {
        await c.update({ ...cur, metadata: meta });
        return;
      } catch (err) {
        if (isNotFound(err)) return;
        if (!isConflict(err) || attempt >= 5) throw err;
      }
    }
  }

  private removeFinalizer(id: ObjectIdentity, finalizer: string): Promise<void> {
    return this.mutate(id, (m) => {
      if (!(m.finalizers ?? []).includes(finalizer)) return false;
      m.finalizers = (m.finalizers ?? []).filter((f) => f !== finalizer);
      return true;
    });
  }

  private removeOwnerReferences(id: ObjectIdentity, uids: string[]): Promise<void> {
    return this.mutate(id, (m) => {
      const refs = m.ownerReferences ?? [];
      const next = refs.filter((r) => !uids.includes(r.uid));
      if (next.length === refs.length) return false;
      if (next.length > 0) m.ownerReferences = next;
      else delete m.ownerReferences;
      return true;
    });
  }

  private async deleteObject(
    id: ObjectIdentity,
    policy: 'Orphan' | 'Foreground' | 'Background',
  ): Promise<void> {
    this.logger.info('Deleting item', {
      item: `${id.kind}/${id.namespace ? `${id.namespace}/` : ''}${id.name}`,
      propagationPolicy: policy,
    });
    try {
      await this.client(id)?.delete(id.name, {
        preconditions: { uid: id.uid },
        propagationPolicy: policy,
      });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async classify(
    id: ObjectIdentity,
    refs: OwnerReference[],
  ): Promise<{ ref: OwnerReference; state: OwnerState }[]> {
    const out: { ref: OwnerReference; state: OwnerState }[] = [];
    for (const ref of refs) {
      const info = findResourceByKind(ref.apiVersion, ref.kind);
      if (!info) {
        this.logger.info('Cannot resolve owner kind; keeping the reference', {
          owner: `${ref.apiVersion}/${ref.kind}`,
          item: id.name,
        });
        out.push({ ref, state: 'solid' });
        continue;
      }
      const owner = await this.get({
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        namespace: id.namespace,
        name: ref.name,
        uid: ref.uid,
      });
      out.push({ ref, state: ownerState(ref, owner) });
    }
    return out;
  }

  async attemptToDeleteItem(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (!node || !node.observed) return;
    if (node.beingDeleted && !node.deletingDependents) return;
    const latest = await this.get(node.identity);
    if (!latest || latest.metadata?.uid !== uid) return;
    if (node.deletingDependents) {
      const blocking = this.graph.blockingDependents(uid);
      if (blocking.length === 0) return this.removeFinalizer(node.identity, FINALIZER_FOREGROUND);
      for (const dep of blocking) if (!dep.beingDeleted) this.attemptToDelete.add(dep.identity.uid);
      return;
    }
    const refs = latest.metadata?.ownerReferences ?? [];
    if (refs.length === 0) return;
    const owners = await this.classify(node.identity, refs);
    const deps = [...node.dependents].map((d) => this.graph.get(d)).filter((d) => d?.observed);
    const decision = decideDeletion(latest, owners, {
      count: deps.length,
      anyDeletingDependents: deps.some((d) => d?.deletingDependents),
    });
    switch (decision.action) {
      case 'none':
        return;
      case 'removeOwnerReferences':
        return this.removeOwnerReferences(node.identity, decision.uids);
      case 'deleteForeground':
        if (decision.unblock) {
          await this.mutate(node.identity, (m) => {
            let changed = false;
            for (const r of m.ownerReferences ?? []) {
              if (r.blockOwnerDeletion === true) {
                r.blockOwnerDeletion = false;
                changed = true;
              }
            }
            return changed;
          });
        }
        return this.deleteObject(node.identity, 'Foreground');
      case 'delete':
        return this.deleteObject(node.identity, decision.policy);
    }
  }

  /** Removes the owner's references from its dependents, then the orphan finalizer. */
  async attemptToOrphanItem(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (!node || !node.observed) return;
    for (const depUid of [...node.dependents]) {
      const dep = this.graph.get(depUid);
      if (dep?.observed) await this.removeOwnerReferences(dep.identity, [uid]);
    }
    await this.removeFinalizer(node.identity, FINALIZER_ORPHAN);
  }
}
