/**
 * The strategy every resource starts from: API defaulting and validation from @kubelab/api,
 * status kept out of main-resource updates when the kind has a status subresource, spec kept
 * out of status updates, and metadata.generation tracking for kinds whose controllers observe it.
 */
import type { ApiObject, ResourceInfo } from '@kubelab/api';
import { applyDefaults, validateCreate, validateStatusUpdate, validateUpdate } from '@kubelab/api';
import { isDeepStrictEqual } from 'node:util';
import type { Strategy, UpdateStrategy } from './strategy.js';

/** Kinds whose spec changes bump metadata.generation (their controllers report observedGeneration). */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'CronJob']);

/** metav1.ResetObjectMetaForStatus: a status write cannot change metadata but managed fields. */
export function resetObjectMetaForStatus(newObj: ApiObject, oldObj: ApiObject): void {
  const managedFields = newObj.metadata?.managedFields;
  newObj.metadata = { ...oldObj.metadata, resourceVersion: newObj.metadata?.resourceVersion };
  if (managedFields) newObj.metadata.managedFields = managedFields;
}

/**
 * The status subresource (the *StatusStrategy PrepareForUpdate of each kind): the spec, labels
 * and owner references stay as stored, and so do the system fields; annotations may change
 * (the deployment controller records the revision through a status write).
 */
export function statusUpdateStrategy(info: ResourceInfo): UpdateStrategy {
  return {
    prepareForUpdate(newObj, oldObj) {
      const oldMeta = oldObj.metadata ?? {};
      const meta = (newObj.metadata ??= {});
      meta.labels = oldMeta.labels;
      meta.ownerReferences = oldMeta.ownerReferences;
      meta.finalizers = oldMeta.finalizers;
      meta.deletionTimestamp = oldMeta.deletionTimestamp;
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
      for (const k of ['labels', 'ownerReferences', 'finalizers', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
        if (meta[k] === undefined) delete meta[k];
      }
      if ('spec' in oldObj) newObj.spec = oldObj.spec;
      else delete newObj.spec;
    },
    validateUpdate: (newObj, oldObj) => validateStatusUpdate(info.group, info.kind, newObj, oldObj),
  };
}

export function createDefaultStrategy(info: ResourceInfo): Strategy {
  const hasStatus = info.subresources.some((s) => s.name === 'status');
  const tracksGeneration = GENERATION_KINDS.has(info.kind);
  const strategy: Strategy = {
    tracksGeneration,
    allowCreateOnUpdate: false,
    allowUnconditionalUpdate: true,
    prepareForCreate(obj) {
      applyDefaults(info.group, info.kind, obj);
      // Nodes may carry their status from the start (node strategy keeps it on create).
      if (hasStatus && info.kind !== 'Namespace' && info.kind !== 'Node') delete obj.status;
      if (tracksGeneration && obj.metadata) obj.metadata.generation = 1;
    },
    validate: (obj) => validateCreate(info.group, info.kind, obj),
    prepareForUpdate(newObj, oldObj) {
      applyDefaults(info.group, info.kind, newObj);
      if (hasStatus) {
        if (oldObj.status === undefined) delete newObj.status;
        else newObj.status = oldObj.status;
      }
      if (tracksGeneration && newObj.metadata) {
        const gen = oldObj.metadata?.generation ?? 1;
        newObj.metadata.generation = isDeepStrictEqual(newObj.spec, oldObj.spec) ? gen : gen + 1;
      }
    },
    validateUpdate: (newObj, oldObj) => validateUpdate(info.group, info.kind, newObj, oldObj),
    subresources: hasStatus ? { status: statusUpdateStrategy(info) } : {},
  };
  return strategy;
}
