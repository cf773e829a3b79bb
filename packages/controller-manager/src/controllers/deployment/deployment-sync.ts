/**
 * The writes a Deployment sync makes (sync.go): find or create the new ReplicaSet, scale
 * ReplicaSets with ScalingReplicaSet events, proportional scaling, history cleanup and status.
 */
import { isAlreadyExists, isNotFound, type Deployment, type Logger, type ReplicaSet } from '@kubelab/api';
import type { ObjectCache } from '@kubelab/api/informer';
import type { ClientSet } from '../../framework/client-set.js';
import { getControllerOf, newControllerRef } from '../../framework/controller-ref.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { DEPLOYMENTS, REPLICA_SETS } from '../../framework/resources.js';
import { computeHash, POD_TEMPLATE_HASH_LABEL } from '../../util/pod-template-hash/compute-hash.js';
import {
  desiredReplicasAnnotation,
  maxRevision,
  REVISION_ANNOTATION,
  replicasAnnotationsNeedUpdate,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './annotations.js';
import { getCondition, newCondition, REASON, setCondition } from './conditions.js';
import { calculateStatus, progressCheckDelayMs, rolloutStatus, statusEqual } from './deployment-status.js';
import { byRevision, bySizeNewer, bySizeOlder, equalIgnoreHash, filterActive, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets } from './replica-set-util.js';
import { hasProgressDeadline, hasRevisionHistoryLimit, isRollingUpdate, isSaturated, maxSurge, newRSNewReplicas, replicaCount, replicaSetProportion, specReplicas } from './rollout-math.js';

export interface DeploymentSyncOptions {
  clients: ClientSet;
  recorder: EventRecorder;
  now: () => number;
  logger: Logger;
  rsCache: ObjectCache<ReplicaSet>;
  /** Requeue the deployment after this long (progress checks). */
  enqueueAfter: (d: Deployment, ms: number) => void;
}

export class DeploymentSync {
  constructor(private readonly o: DeploymentSyncOptions) {}

  private rsClient(ns: string | undefined) {
    return this.o.clients.resource<ReplicaSet>(REPLICA_SETS, ns);
  }

  /** UpdateStatus, keeping d's resourceVersion current for the writes that follow. */
  async updateStatus(d: Deployment): Promise<void> {
    const client = this.o.clients.resource<Deployment>(DEPLOYMENTS, d.metadata?.namespace);
    let updated = await client.updateStatus(d);
    // Upstream's deployments/status keeps annotation changes (only spec and labels are reset),
    // which is how the revision annotation reaches the Deployment. A server that resets all
    // metadata on status writes gets the annotation through the main resource instead.
    const revision = d.metadata?.annotations?.[REVISION_ANNOTATION];
    if (revision !== undefined && updated.metadata?.annotations?.[REVISION_ANNOTATION] !== revision) {
      updated = await client.patch(d.metadata?.name ?? '', 'merge', { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } });
    }
    if (d.metadata && updated.metadata?.resourceVersion) d.metadata.resourceVersion = updated.metadata.resourceVersion;
  }

  private event(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.o.recorder.event(objectReference(DEPLOYMENTS, d), type, reason, message);
  }

  async newAndOld(d: Deployment, rsList: ReplicaSet[], create: boolean): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
    const { allOld } = findOldReplicaSets(d, rsList);
    const newRS = await this.getNewReplicaSet(d, rsList, allOld, create);
    return { newRS, oldRSs: allOld };
  }

  private async getNewReplicaSet(d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): Promise<ReplicaSet | undefined> {
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const now = this.o.now();
    if (existing) {
      const copy = structuredClone(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations({ deployment: d, rs: copy, newRevision, exists: true, logger: this.o.logger });
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (copy.spec?.minReadySeconds ?? 0) !== minReady) {
        (copy.spec ??= { selector: {} }).minReadySeconds = minReady;
        return this.rsClient(copy.metadata?.namespace).update(copy);
      }
      let needsUpdate = setDeploymentRevision(d, copy.metadata?.annotations?.[REVISION_ANNOTATION] ?? '');
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        setCondition((d.status ??= {}), newCondition('Progressing', 'True', REASON.FoundNewRS, `Found new replica set "${copy.metadata?.name ?? ''}"`, now));
        needsUpdate = true;
      }
      if (needsUpdate) await this.updateStatus(d);
      return copy;
    }
    if (!create) return undefined;

    const template = structuredClone(d.spec?.template ?? {});
    const hash = computeHash(template, d.status?.collisionCount);
    (template.metadata ??= {}).labels = { ...template.metadata.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = structuredClone(d.spec?.selector ?? {});
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const newRS: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata?.name ?? ''}-${hash}`,
        namespace: d.metadata?.namespace ?? '',
        ownerReferences: [newControllerRef(d, DEPLOYMENTS)],
        labels: { ...template.metadata.labels },
      },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    (newRS.spec ??= { selector }).replicas = count;
    setNewReplicaSetAnnotations({ deployment: d, rs: newRS, newRevision, exists: false, logger: this.o.logger });
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = await this.rsClient(d.metadata?.namespace).create(newRS);
    } catch (err) {
      if (isAlreadyExists(err)) {
        alreadyExists = true;
        const rs = this.o.rsCache.get(d.metadata?.namespace, newRS.metadata?.name ?? '') ?? (await this.rsClient(d.metadata?.namespace).get(newRS.metadata?.name ?? ''));
        const ref = getControllerOf(rs);
        if (ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
          created = rs;
        } else {
          const status = (d.status ??= {});
          const before = status.collisionCount ?? 0;
          status.collisionCount = before + 1;
          try {
            await this.updateStatus(d);
            this.o.logger.info('Found a hash collision for deployment - bumping collisionCount to resolve it', {
              deployment: `${d.metadata?.namespace ?? ''}/${d.metadata?.name ?? ''}`,
              oldCollisionCount: before,
              newCollisionCount: before + 1,
            });
          } catch {
            // requeued by the error below
          }
          throw err;
        }
      } else {
        const terminating = (err as { details?: { causes?: { type?: string }[] } }).details?.causes?.some((c) => c.type === 'NamespaceTerminating');
        if (terminating) throw err;
        const msg = `Failed to create new replica set "${newRS.metadata?.name ?? ''}": ${(err as Error).message}`;
        if (hasProgressDeadline(d)) {
          setCondition((d.status ??= {}), newCondition('Progressing', 'False', REASON.FailedRSCreate, msg, now));
          await this.updateStatus(d).catch(() => undefined);
        }
        this.event(d, 'Warning', REASON.FailedRSCreate, msg);
        throw err;
      }
    }
    if (!alreadyExists && count > 0) {
      this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata?.name ?? ''} from 0 to ${count}`);
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'True', REASON.NewReplicaSet, `Created new replica set "${created.metadata?.name ?? ''}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) await this.updateStatus(d);
    return created;
  }

  /** scaleReplicaSet: new size and/or replica annotations, with a ScalingReplicaSet event. */
  async scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment, op: string): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    const replicas = specReplicas(d);
    const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, replicas, replicas + maxSurge(d));
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const oldScale = specReplicas(rs);
    const copy = structuredClone(rs);
    (copy.spec ??= { selector: {} }).replicas = newScale;
    setReplicasAnnotations(copy, replicas, replicas + maxSurge(d));
    const updated = await this.rsClient(copy.metadata?.namespace).update(copy);
    if (sizeNeedsUpdate) {
      this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata?.name ?? ''} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  async scaleAndRecord(rs: ReplicaSet, newScale: number, d: Deployment): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    if (specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** scale: a scaling event, or proportional scaling across the active ReplicaSets. */
  async scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Promise<void> {
    const replicas = specReplicas(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (specReplicas(activeOrLatest) !== replicas) await this.scaleAndRecord(activeOrLatest, replicas, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) await this.scaleAndRecord(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = filterActive([...oldRSs, newRS]);
    const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowed - replicaCount(all);
    let op = '';
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      op = 'up';
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      op = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      const name = rs.metadata?.name ?? '';
      if (toAdd !== 0) {
        const p = replicaSetProportion(rs, d, toAdd, added);
        sizes.set(name, specReplicas(rs) + p);
        added += p;
      } else sizes.set(name, specReplicas(rs));
    }
    for (const [i, rs] of all.entries()) {
      const name = rs.metadata?.name ?? '';
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
      await this.scaleReplicaSet(rs, sizes.get(name) ?? 0, d, op);
    }
  }

  /** cleanupDeployment: keep only revisionHistoryLimit old, empty ReplicaSets. */
  async cleanup(oldRSs: ReplicaSet[], d: Deployment): Promise<void> {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i] as ReplicaSet;
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if ((rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata?.deletionTimestamp) continue;
      this.o.logger.info('Trying to cleanup replica set for deployment', { replicaSet: rs.metadata?.name, deployment: d.metadata?.name });
      try {
        await this.rsClient(rs.metadata?.namespace).delete(rs.metadata?.name ?? '');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  async syncDeploymentStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
    const status = calculateStatus(allRSs, newRS, d, this.o.now());
    if (statusEqual(d.status, status)) return;
    d.status = status;
    await this.updateStatus(d);
  }

  async syncRolloutStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
    const now = this.o.now();
    const status = rolloutStatus(allRSs, newRS, d, now);
    if (statusEqual(d.status, status)) {
      const after = progressCheckDelayMs(d, status, now);
      if (after !== undefined) this.o.enqueueAfter(d, after);
      return;
    }
    d.status = status;
    await this.updateStatus(d);
  }

  /** isScalingEvent: some active ReplicaSet was sized for another replica count. */
  async isScalingEvent(d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
    const { newRS, oldRSs } = await this.newAndOld(d, rsList, false);
    return filterActive([...oldRSs, newRS]).some((rs) => {
      const desired = desiredReplicasAnnotation(rs);
      return desired !== undefined && desired !== specReplicas(d);
    });
  }

  /** sync: scaling events and paused deployments. */
  async sync(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.newAndOld(d, rsList, false);
    await this.scale(d, newRS, oldRSs);
    if (d.spec?.paused && !d.metadata?.annotations?.['deprecated.deployment.rollback.to']) await this.cleanup(oldRSs, d);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  async syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.newAndOld(d, rsList, false);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** checkPausedConditions: Progressing Unknown while paused, so a resume does not time out. */
  async checkPausedConditions(d: Deployment): Promise<void> {
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === REASON.TimedOut) return;
    const pausedExists = cond?.reason === REASON.PausedDeploy;
    const now = this.o.now();
    if (d.spec?.paused && !pausedExists) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'Unknown', REASON.PausedDeploy, 'Deployment is paused', now));
    } else if (!d.spec?.paused && pausedExists) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'Unknown', REASON.ResumedDeploy, 'Deployment is resumed', now));
    } else return;
    await this.updateStatus(d);
  }
}

/** SetDeploymentRevision. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const ann = (d.metadata ??= {}).annotations ??= {};
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}
