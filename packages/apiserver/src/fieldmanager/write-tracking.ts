/**
 * What the write handlers call: one FieldManager per resource and subresource, the manager of
 * a request (validated as the *Options object it came in), and managedFields for creates and
 * updates computed, as upstream does, on the object as decoding defaults it (before admission
 * and the registry's strategy add their own changes).
 */
import type { ApiObject, Clock, ResourceInfo } from '@kubelab/api';
import { applyDefaults, forbiddenField, invalid, required } from '@kubelab/api';
import type { FieldError } from '@kubelab/api';
import { deepCopyJson } from '../patch/json-value.js';
import { FieldManager } from './field-manager.js';
import { managerOrUserAgent, validateFieldManager } from './manager-name.js';
import { resetFields } from './reset-fields.js';

const managers = new WeakMap<Clock, Map<string, FieldManager>>();

/** The field manager of `resource` (its `subresource`, '' for the main resource). */
export function fieldManagerFor(resource: ResourceInfo, subresource: string, clock: Clock): FieldManager {
  let byResource = managers.get(clock);
  if (!byResource) managers.set(clock, (byResource = new Map()));
  const key = `${resource.group}/${resource.version}/${resource.plural}/${subresource}`;
  let fm = byResource.get(key);
  if (!fm) {
    const reset = resetFields(resource, subresource);
    fm = new FieldManager({
      gvk: { group: resource.group, version: resource.version, kind: resource.kind },
      subresource,
      clock,
      ...(reset ? { resetFields: reset } : {}),
    });
    byResource.set(key, fm);
  }
  return fm;
}

export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

export interface ManagerRequest {
  readonly options: WriteOptionsKind;
  /** The fieldManager query parameter. */
  readonly fieldManager: string | null;
  readonly userAgent: string | undefined;
  /** A server-side apply (requires fieldManager). */
  readonly apply?: boolean;
  /** The force query parameter (only apply may send it). */
  readonly force?: string | null;
}

/** The manager of a write; 422 `PatchOptions.meta.k8s.io "" is invalid: ...` when the options are not valid. */
export function requestManager(req: ManagerRequest): string {
  const fieldManager = req.fieldManager ?? '';
  const errs: FieldError[] = [];
  if (req.options === 'PatchOptions') {
    if (!req.apply && req.force !== null && req.force !== undefined) {
      errs.push(forbiddenField('force', 'may not be specified for non-apply patch'));
    }
    if (req.apply && !fieldManager) errs.push(required('fieldManager', 'is required for apply patch'));
  }
  errs.push(...validateFieldManager(fieldManager));
  if (errs.length > 0) throw invalid({ group: 'meta.k8s.io', kind: req.options }, '', errs);
  return managerOrUserAgent(fieldManager, req.userAgent);
}

/**
 * Pod fields kubelab's defaulting fills in that upstream only the Priority admission plugin
 * writes (after field tracking), so they stay unowned unless the writer set them.
 */
const ADMISSION_WRITTEN_POD_FIELDS = ['priority', 'preemptionPolicy'] as const;

function defaulted(resource: ResourceInfo, obj: ApiObject): ApiObject {
  const copy = deepCopyJson(obj);
  applyDefaults(resource.group, resource.kind, copy);
  if (resource.group === '' && resource.kind === 'Pod') {
    const spec = copy.spec as Record<string, unknown> | undefined;
    const given = (obj.spec ?? {}) as Record<string, unknown>;
    for (const f of ADMISSION_WRITTEN_POD_FIELDS) if (spec && !Object.hasOwn(given, f)) delete spec[f];
  }
  return copy;
}

/** Sets obj.metadata.managedFields for a create by `manager`. */
export function trackCreate(fm: FieldManager, resource: ResourceInfo, obj: ApiObject, manager: string): void {
  const tracked = fm.update(undefined, defaulted(resource, obj), manager);
  copyManagedFields(tracked, obj);
}

/** A copy of `next` with managedFields for an update of `live` by `manager`. */
export function trackUpdate(fm: FieldManager, resource: ResourceInfo, live: ApiObject, next: ApiObject, manager: string): ApiObject {
  const out = deepCopyJson(next);
  copyManagedFields(fm.update(live, defaulted(resource, next), manager), out);
  return out;
}

function copyManagedFields(from: ApiObject, to: ApiObject): void {
  const entries = from.metadata?.managedFields;
  const meta = (to.metadata ??= {});
  if (entries) meta.managedFields = entries;
  else delete meta.managedFields;
}
