/**
 * The revision bookkeeping a Deployment keeps on its ReplicaSets (deployment_util.go):
 * deployment.kubernetes.io/revision, revision-history, desired-replicas and max-replicas.
 */
import type { Deployment, ReplicaSet } from '@kubelab/api';
import type { Logger } from '@kubelab/api';
import { maxSurge } from './rollout-math.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
/** maxRevHistoryLengthInChars. */
export const MAX_REVISION_HISTORY_CHARS = 2000;

const SKIPPED = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

/** Revision(obj); NaN when the annotation is not an integer. */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
}

export function maxRevision(rss: ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** copyDeploymentAnnotationsToReplicaSet. */
function copyAnnotations(d: Deployment, rs: ReplicaSet): boolean {
  let changed = false;
  const ann = ((rs.metadata ??= {}).annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (SKIPPED.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(
  rs: ReplicaSet,
  desired: number,
  max: number,
): boolean {
  const ann = rs.metadata?.annotations ?? {};
  return (
    ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired) ||
    ann[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const ann = ((rs.metadata ??= {}).annotations ??= {});
  let updated = false;
  if (ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    ann[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (ann[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    ann[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export const desiredReplicasAnnotation = (rs: ReplicaSet): number | undefined =>
  intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
export const maxReplicasAnnotation = (rs: ReplicaSet): number | undefined =>
  intAnnotation(rs, MAX_REPLICAS_ANNOTATION);

export interface NewReplicaSetAnnotationsInput {
  deployment: Deployment;
  rs: ReplicaSet;
  newRevision: string;
  exists: boolean;
  logger?: Logger;
}

/** SetNewReplicaSetAnnotations; mutates rs and reports whether anything changed. */
export function setNewReplicaSetAnnotations({
  deployment: d,
  rs,
  newRevision,
  exists,
  logger,
}: NewReplicaSetAnnotationsInput): boolean {
  let changed = copyAnnotations(d, rs);
  const ann = ((rs.metadata ??= {}).annotations ??= {});
  const oldRevision = ann[REVISION_ANNOTATION];
  let oldInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) {
      logger?.info('Updating replica set revision OldRevision not int', {
        replicaSet: rs.metadata?.name,
      });
      return false;
    }
    oldInt = Number(oldRevision);
  }
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (oldRevision !== undefined) {
      const history = ann[REVISION_HISTORY_ANNOTATION] ?? '';
      const old = history.split(',');
      if (history === '') ann[REVISION_HISTORY_ANNOTATION] = oldRevision;
      else {
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < old.length) {
          total -= (old[start]?.length ?? 0) + 1;
          start++;
        }
        if (total <= MAX_REVISION_HISTORY_CHARS)
          ann[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
      }
    }
  }
  const replicas = d.spec?.replicas ?? 1;
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const ann = ((d.metadata ??= {}).annotations ??= {});
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}
