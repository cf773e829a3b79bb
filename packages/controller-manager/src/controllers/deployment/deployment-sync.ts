/**
 * The writes a Deployment sync makes (sync.go): find or create the new ReplicaSet, scale
 * ReplicaSets with ScalingReplicaSet events, proportional scaling, history cleanup and status.
 */
import { isNotFound, type Deployment, type Logger, type ReplicaSet } from '@kubelab/api';
import type { ObjectCache } from '@kubelab/api/informer';
import type { ClientSet } from '../../framework/client-set.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { DEPLOYMENTS, REPLICA_SETS } from '../../framework/resources.js';
import {
  desiredReplicasAnnotation,
  REVISION_ANNOTATION,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
} from './annotations.js';
import { getCondition, newCondition, REASON, setCondition } from './conditions.js';
import {
  calculateStatus,
  progressCheckDelayMs,
  rolloutStatus,
  statusEqual,
} from './deployment-status.js';
import { getNewReplicaSet } from './new-replica-set.js';
import { scaleDeployment } from './proportional-scale.js';
import { byRevision, filterActive, findOldReplicaSets } from './replica-set-util.js';
import {
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  maxSurge,
  specReplicas,
} from './rollout-math.js';

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
  constructor(readonly o: DeploymentSyncOptions) {}

  rsClient(ns: string | undefined) {
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
    if (
      revision !== undefined &&
      updated.metadata?.annotations?.[REVISION_ANNOTATION] !== revision
    ) {
      updated = await client.patch(d.metadata?.name ?? '', 'merge', {
        metadata: { annotations: { [REVISION_ANNOTATION]: revision } },
      });
    }
    if (d.metadata && updated.metadata?.resourceVersion)
      d.metadata.resourceVersion = updated.metadata.resourceVersion;
  }

  event(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.o.recorder.event(objectReference(DEPLOYMENTS, d), type, reason, message);
  }

  async newAndOld(
    d: Deployment,
    rsList: ReplicaSet[],
    create: boolean,
  ): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
    const { allOld } = findOldReplicaSets(d, rsList);
    const newRS = await getNewReplicaSet(this, d, rsList, allOld, create);
    return { newRS, oldRSs: allOld };
  }

  /** scaleReplicaSet: new size and/or replica annotations, with a ScalingReplicaSet event. */
  async scaleReplicaSet(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
    op: string,
  ): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    const replicas = specReplicas(d);
    const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(
      rs,
      replicas,
      replicas + maxSurge(d),
    );
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const oldScale = specReplicas(rs);
    const copy = structuredClone(rs);
    (copy.spec ??= { selector: {} }).replicas = newScale;
    setReplicasAnnotations(copy, replicas, replicas + maxSurge(d));
    const updated = await this.rsClient(copy.metadata?.namespace).update(copy);
    if (sizeNeedsUpdate) {
      this.event(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${op} replica set ${updated.metadata?.name ?? ''} from ${oldScale} to ${newScale}`,
      );
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  async scaleAndRecord(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
  ): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    if (specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** cleanupDeployment: keep only revisionHistoryLimit old, empty ReplicaSets. */
  async cleanup(oldRSs: ReplicaSet[], d: Deployment): Promise<void> {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i] as ReplicaSet;
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if (
        (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
        rs.metadata?.deletionTimestamp
      )
        continue;
      this.o.logger.info('Trying to cleanup replica set for deployment', {
        replicaSet: rs.metadata?.name,
        deployment: d.metadata?.name,
      });
      try {
        await this.rsClient(rs.metadata?.namespace).delete(rs.metadata?.name ?? '');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  async syncDeploymentStatus(
    allRSs: (ReplicaSet | undefined)[],
    newRS: ReplicaSet | undefined,
    d: Deployment,
  ): Promise<void> {
    const status = calculateStatus(allRSs, newRS, d, this.o.now());
    if (statusEqual(d.status, status)) return;
    d.status = status;
    await this.updateStatus(d);
  }

  async syncRolloutStatus(
    allRSs: (ReplicaSet | undefined)[],
    newRS: ReplicaSet | undefined,
    d: Deployment,
  ): Promise<void> {
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
    await scaleDeployment(this, d, { newRS, oldRSs });
    if (d.spec?.paused && !d.metadata?.annotations?.['deprecated.deployment.rollback.to'])
      await this.cleanup(oldRSs, d);
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
      setCondition(
        (d.status ??= {}),
        newCondition('Progressing', 'Unknown', REASON.PausedDeploy, 'Deployment is paused', now),
      );
    } else if (!d.spec?.paused && pausedExists) {
      setCondition(
        (d.status ??= {}),
        newCondition('Progressing', 'Unknown', REASON.ResumedDeploy, 'Deployment is resumed', now),
      );
    } else return;
    await this.updateStatus(d);
  }
}
