/**
 * getNewReplicaSet (sync.go): the ReplicaSet whose template is the deployment's, with its
 * revision and annotations brought up to date; created as `<deployment>-<pod-template-hash>`
 * when asked and missing, bumping status.collisionCount on a hash collision.
 */
import { isAlreadyExists, type Deployment, type ReplicaSet } from '@kubelab/api';
import { getControllerOf, newControllerRef } from '../../framework/controller-ref.js';
import { DEPLOYMENTS } from '../../framework/resources.js';
import { computeHash, POD_TEMPLATE_HASH_LABEL } from '../../util/pod-template-hash/compute-hash.js';
import {
  maxRevision,
  REVISION_ANNOTATION,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
} from './annotations.js';
import { getCondition, newCondition, REASON, setCondition } from './conditions.js';
import type { DeploymentSync } from './deployment-sync.js';
import { equalIgnoreHash, findNewReplicaSet } from './replica-set-util.js';
import { hasProgressDeadline, newRSNewReplicas } from './rollout-math.js';

export async function getNewReplicaSet(
  s: DeploymentSync,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  create: boolean,
): Promise<ReplicaSet | undefined> {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const now = s.o.now();
  if (existing) {
    const copy = structuredClone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations({
      deployment: d,
      rs: copy,
      newRevision,
      exists: true,
      logger: s.o.logger,
    });
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (copy.spec?.minReadySeconds ?? 0) !== minReady) {
      (copy.spec ??= { selector: {} }).minReadySeconds = minReady;
      return s.rsClient(copy.metadata?.namespace).update(copy);
    }
    let needsUpdate = setDeploymentRevision(
      d,
      copy.metadata?.annotations?.[REVISION_ANNOTATION] ?? '',
    );
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      setCondition(
        (d.status ??= {}),
        newCondition(
          'Progressing',
          'True',
          REASON.FoundNewRS,
          `Found new replica set "${copy.metadata?.name ?? ''}"`,
          now,
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) await s.updateStatus(d);
    return copy;
  }
  if (!create) return undefined;

  const template = structuredClone(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  (template.metadata ??= {}).labels = {
    ...template.metadata.labels,
    [POD_TEMPLATE_HASH_LABEL]: hash,
  };
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
  setNewReplicaSetAnnotations({
    deployment: d,
    rs: newRS,
    newRevision,
    exists: false,
    logger: s.o.logger,
  });
  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = await s.rsClient(d.metadata?.namespace).create(newRS);
  } catch (err) {
    if (isAlreadyExists(err)) {
      alreadyExists = true;
      const rs =
        s.o.rsCache.get(d.metadata?.namespace, newRS.metadata?.name ?? '') ??
        (await s.rsClient(d.metadata?.namespace).get(newRS.metadata?.name ?? ''));
      const ref = getControllerOf(rs);
      if (ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        created = rs;
      } else {
        const status = (d.status ??= {});
        const before = status.collisionCount ?? 0;
        status.collisionCount = before + 1;
        try {
          await s.updateStatus(d);
          s.o.logger.info(
            'Found a hash collision for deployment - bumping collisionCount to resolve it',
            {
              deployment: `${d.metadata?.namespace ?? ''}/${d.metadata?.name ?? ''}`,
              oldCollisionCount: before,
              newCollisionCount: before + 1,
            },
          );
        } catch {
          // requeued by the error below
        }
        throw err;
      }
    } else {
      const terminating = (
        err as { details?: { causes?: { type?: string }[] } }
      ).details?.causes?.some((c) => c.type === 'NamespaceTerminating');
      if (terminating) throw err;
      const msg = `Failed to create new replica set "${newRS.metadata?.name ?? ''}": ${(err as Error).message}`;
      if (hasProgressDeadline(d)) {
        setCondition(
          (d.status ??= {}),
          newCondition('Progressing', 'False', REASON.FailedRSCreate, msg, now),
        );
        await s.updateStatus(d).catch(() => undefined);
      }
      s.event(d, 'Warning', REASON.FailedRSCreate, msg);
      throw err;
    }
  }
  if (!alreadyExists && count > 0) {
    s.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata?.name ?? ''} from 0 to ${count}`,
    );
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition(
      (d.status ??= {}),
      newCondition(
        'Progressing',
        'True',
        REASON.NewReplicaSet,
        `Created new replica set "${created.metadata?.name ?? ''}"`,
        now,
      ),
    );
    needsUpdate = true;
  }
  if (needsUpdate) await s.updateStatus(d);
  return created;
}
