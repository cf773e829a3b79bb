/**
 * Ownership of spec.replicas through the scale subresource (managedfields/scalehandler.go):
 * the parent's entries that own .spec.replicas are shown to the Scale's field manager as
 * owners of the Scale's .spec.replicas, the write is tracked on the Scale, and the result is
 * folded back into the parent's entries (a `subresource: scale` entry for the writer).
 */
import type { ApiObject, Clock } from '@kubelab/api';
import { scaleOf } from '../registry/workloads/scale.js';
import { FieldManager } from './field-manager.js';
import { FieldSet } from './field-set.js';
import type { Managed, ManagedFieldsEntry } from './managed-fields.js';
import { decodeManagedFields, emptyManaged, encodeManagedFields } from './managed-fields.js';
import { makePath } from './path-element.js';

const SCALE_VERSION = 'autoscaling/v1';
const REPLICAS = makePath('spec', 'replicas');

const scaleManagers = new WeakMap<Clock, FieldManager>();

function scaleFieldManager(clock: Clock): FieldManager {
  let fm = scaleManagers.get(clock);
  if (!fm) {
    fm = new FieldManager({ gvk: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, subresource: 'scale', clock });
    scaleManagers.set(clock, fm);
  }
  return fm;
}

/** ScaleHandler.ToSubresource: the parent's replicas owners as owners of the Scale's replicas. */
export function toSubresource(parent: Managed, parentVersion: string): Managed {
  const out = emptyManaged();
  for (const [id, vs] of parent.fields) {
    if (vs.apiVersion !== parentVersion || !vs.set.has(REPLICAS)) continue;
    out.fields.set(id, { set: FieldSet.of(REPLICAS), apiVersion: SCALE_VERSION, applied: vs.applied });
    out.times.set(id, parent.times.get(id));
  }
  return out;
}

/** ScaleHandler.ToParent: the Scale's owners of replicas merged back into the parent's entries. */
export function toParent(parent: Managed, scale: Managed, parentVersion: string): Managed {
  const out = emptyManaged();
  const scaleFields = new Map(scale.fields);
  for (const [id, vs] of parent.fields) {
    if (vs.apiVersion !== parentVersion) continue;
    if (!vs.set.has(REPLICAS) || scaleFields.has(id)) {
      out.fields.set(id, vs);
      out.times.set(id, parent.times.get(id));
      scaleFields.delete(id);
      continue;
    }
    const set = vs.set.difference(FieldSet.of(REPLICAS));
    if (!set.isEmpty()) {
      out.fields.set(id, { ...vs, set });
      out.times.set(id, parent.times.get(id));
    }
  }
  for (const [id, vs] of scaleFields) {
    if (!vs.set.has(REPLICAS)) continue;
    out.fields.set(id, { set: FieldSet.of(REPLICAS), apiVersion: parentVersion, applied: vs.applied });
    out.times.set(id, parent.times.get(id));
  }
  return out;
}

export interface ScaleTracking {
  readonly manager: string;
  readonly clock: Clock;
  /** The parent's group/version: `apps/v1`. */
  readonly parentVersion: string;
}

/** `update` (a write of replicas through the scale subresource) with managedFields tracked. */
export function withScaleManagedFields(update: (cur: ApiObject) => ApiObject, t: ScaleTracking): (cur: ApiObject) => ApiObject {
  return (cur) => {
    const next = update(cur);
    try {
      const parent = decodeManagedFields(cur.metadata?.managedFields);
      const oldScale = scaleOf(cur) as unknown as ApiObject;
      const sub = encodeManagedFields(toSubresource(parent, t.parentVersion));
      if (sub) (oldScale.metadata ??= {}).managedFields = sub as NonNullable<NonNullable<ApiObject['metadata']>['managedFields']>;
      const tracked = scaleFieldManager(t.clock).update(oldScale, scaleOf(next) as unknown as ApiObject, t.manager);
      const scale = decodeManagedFields(tracked.metadata?.managedFields);
      const entries: ManagedFieldsEntry[] | undefined = encodeManagedFields(toParent(parent, scale, t.parentVersion));
      const meta = { ...next.metadata };
      if (entries) meta.managedFields = entries as NonNullable<typeof meta.managedFields>;
      else delete meta.managedFields;
      return { ...next, metadata: meta };
    } catch {
      return next;
    }
  };
}
