/**
 * Field management of one resource (or subresource) of one kind, as the apiserver's default
 * field manager chain (managedfields internal/fieldmanager.go NewDefaultFieldManager): updates
 * record what the writer changed, applies merge a configuration under the ownership rules, and
 * both keep metadata.managedFields. Meta fields (name, uid, resourceVersion, ...) are never
 * owned; at most ten update managers are kept (older ones merge into `ancient-changes`); an
 * object without managedFields is only tracked from its first apply on.
 */
import type { ApiObject, Clock } from '@kubelab/api';
import { ApiError, badRequest, rfc3339 } from '@kubelab/api';
import { FieldSet } from './field-set.js';
import { goZeroValue } from './go-zero-value.js';
import { allowedConflictsFromLastApplied, buildLastApplied, LAST_APPLIED_ANNOTATION, LAST_APPLIED_MANAGER } from './last-applied.js';
import type { Managed, ManagedFieldsEntry } from './managed-fields.js';
import { decodeManagedFields, emptyManaged, encodeManagedFields, managerIdentifier } from './managed-fields.js';
import { capUpdateManagers } from './cap-managers.js';
import { applyConflictError } from './conflict-error.js';
import { makePath } from './path-element.js';
import type { TypeNode } from './type-schema.js';
import { typeForKind } from './type-schema.js';
import { TypedValueError } from './typed-shape.js';
import { applyOwnership, ConflictsError, updateOwnership } from './updater.js';
import type { UpdaterOptions } from './updater.js';
import { validateTyped } from './validate-typed.js';
import type { GroupVersionKind } from '../schema/index.js';
import { schemaNameForKind } from '../schema/index.js';

export interface FieldManagerOptions {
  /** The kind of the stored objects (or of the subresource's objects: autoscaling/v1 Scale). */
  readonly gvk: GroupVersionKind;
  /** '' for the main resource, else `status`, `scale`, ... */
  readonly subresource: string;
  /** Fields the strategy resets, owned by nobody. */
  readonly resetFields?: FieldSet;
  readonly clock: Clock;
}

const CURRENT_OPERATION = 'current-operation';
const BEFORE_FIRST_APPLY = 'before-first-apply';

/** Never part of a manager's fields (stripmeta.go). */
const STRIP_SET = FieldSet.of(
  makePath('apiVersion'),
  makePath('kind'),
  makePath('metadata'),
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map(
    (f) => makePath('metadata', f),
  ),
);

export const gvkString = (gvk: GroupVersionKind): string => `${gvk.group}/${gvk.version}, Kind=${gvk.kind}`;
const groupVersionOf = (gvk: GroupVersionKind): string => (gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version);

function withoutManagedFields(obj: ApiObject): ApiObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function setManagedFields(obj: ApiObject, entries: ManagedFieldsEntry[] | undefined): ApiObject {
  const meta = (obj.metadata ??= {});
  if (entries) meta.managedFields = entries as NonNullable<typeof meta.managedFields>;
  else delete meta.managedFields;
  return obj;
}

/** Empty, or a single empty entry: the writer asks to clear managedFields. */
function isResetManagedFields(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  return v.length === 0 || (v.length === 1 && JSON.stringify(v[0]) === '{}');
}

export class FieldManager {
  private readonly type: TypeNode;
  private readonly apiVersion: string;
  private readonly updater: UpdaterOptions;

  constructor(private readonly opts: FieldManagerOptions) {
    this.type = typeForKind(opts.gvk);
    this.apiVersion = groupVersionOf(opts.gvk);
    this.updater = { type: this.type, apiVersion: this.apiVersion, ...(opts.resetFields ? { ignored: opts.resetFields } : {}) };
  }

  /** The Go zero value of the kind: the live object of a create. */
  emptyObject(): ApiObject {
    const name = schemaNameForKind(this.opts.gvk);
    return name ? goZeroValue(name) : {};
  }

  /**
   * UpdateNoErrors: `newObj` with managedFields for a create (`liveObj` undefined), update or
   * patch by `manager`. On any failure the live object's managedFields are kept.
   */
  update(liveObj: ApiObject | undefined, newObj: ApiObject, manager: string): ApiObject {
    const live = liveObj ?? this.emptyObject();
    try {
      const managed = this.decodeLiveOrNew(live, newObj);
      const next = withoutManagedFields(newObj);
      const result = this.trackUpdate(live, next, managed, manager, true);
      return setManagedFields(next, encodeManagedFields(result));
    } catch {
      return setManagedFields(withoutManagedFields(newObj), live.metadata?.managedFields as ManagedFieldsEntry[] | undefined);
    }
  }

  /** Apply of `applied` by `manager` to `liveObj` (undefined: the object does not exist yet). */
  apply(liveObj: ApiObject | undefined, applied: ApiObject, manager: string, force: boolean): ApiObject {
    const live = liveObj ?? {};
    let managed: Managed;
    try {
      managed = decodeManagedFields(live.metadata?.managedFields);
    } catch (err) {
      throw new ApiError('', `failed to decode managed fields: ${(err as Error).message}`, { code: 500 });
    }
    const appliedGvk = gvkOf(applied);
    if (gvkString(appliedGvk) !== gvkString(this.opts.gvk)) throw badRequest(`invalid object type: ${gvkString(appliedGvk)}`);
    if (applied.metadata?.managedFields !== undefined) throw badRequest('metadata.managedFields must be nil');
    try {
      return this.applyOnce(live, applied, managed, manager, force);
    } catch (err) {
      if (!(err instanceof ConflictsError)) throw err;
      if (manager !== LAST_APPLIED_MANAGER) throw applyConflictError(err.conflicts);
      const allowed = allowedConflictsFromLastApplied(live, this.type, this.apiVersion);
      const rest = err.conflicts.filter((c) => !allowed?.has(c.path));
      if (rest.length > 0) throw applyConflictError(rest);
      return this.applyOnce(live, applied, managed, manager, true);
    }
  }

  private applyOnce(live: ApiObject, applied: ApiObject, managed: Managed, manager: string, force: boolean): ApiObject {
    const liveCore = withoutManagedFields(live);
    let current = managed;
    if (current.fields.size === 0) current = this.trackUpdate(this.emptyObject(), liveCore, current, BEFORE_FIRST_APPLY, false);
    const id = managerIdentifier({ manager: manager || 'unknown', operation: 'Apply', subresource: this.opts.subresource });
    try {
      validateTyped(applied, this.type);
    } catch (err) {
      throw typedError('failed to create typed patch object', applied, this.opts.gvk, err);
    }
    let result: ReturnType<typeof applyOwnership>;
    try {
      result = applyOwnership(this.updater, liveCore, applied, current, id, force);
    } catch (err) {
      throw typedError('failed to create typed live object', liveCore, this.opts.gvk, err);
    }
    this.strip(result.managed, id);
    let object: ApiObject;
    // Unchanged: the stored object as it is (managedFields in place), so that nothing is written.
    if (result.object === undefined) object = structuredClone(live);
    else {
      object = result.object as ApiObject;
      result.managed.times.set(id, rfc3339(this.opts.clock.now()));
    }
    if (manager === LAST_APPLIED_MANAGER && object.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]) {
      object.metadata.annotations[LAST_APPLIED_ANNOTATION] = buildLastApplied(applied);
    }
    return setManagedFields(object, encodeManagedFields(result.managed));
  }

  /** The managers of an update: skip-non-applied, cap, build-manager-info, times, strip-meta. */
  private trackUpdate(live: ApiObject, next: ApiObject, managed: Managed, manager: string, skipUntracked: boolean): Managed {
    if (skipUntracked && managed.fields.size === 0 && live.metadata?.uid) return managed;
    const id = managerIdentifier({
      manager: manager || 'unknown',
      operation: 'Update',
      apiVersion: this.apiVersion,
      subresource: this.opts.subresource,
    });
    const out = updateOwnership(this.updater, withoutManagedFields(live), next, managed, CURRENT_OPERATION);
    this.strip(out, CURRENT_OPERATION);
    const vs = out.fields.get(CURRENT_OPERATION);
    if (vs) {
      out.fields.delete(CURRENT_OPERATION);
      const previous = out.fields.get(id);
      out.fields.set(id, previous ? { ...vs, set: vs.set.union(previous.set) } : vs);
      out.times.set(id, rfc3339(this.opts.clock.now()));
    }
    return capUpdateManagers(out);
  }

  private strip(managed: Managed, id: string): void {
    const vs = managed.fields.get(id);
    if (!vs) return;
    const set = vs.set.difference(STRIP_SET);
    if (set.isEmpty()) managed.fields.delete(id);
    else managed.fields.set(id, { ...vs, set });
  }

  /** The managed fields to start from: the request's, unless absent, broken or a subresource's. */
  private decodeLiveOrNew(live: ApiObject, newObj: ApiObject): Managed {
    const fromLive = (): Managed => {
      try {
        return decodeManagedFields(live.metadata?.managedFields);
      } catch {
        return emptyManaged();
      }
    };
    if (this.opts.subresource) return fromLive();
    const requested = newObj.metadata?.managedFields;
    if (isResetManagedFields(requested)) return emptyManaged();
    try {
      const managed = decodeManagedFields(requested);
      return managed.fields.size > 0 ? managed : fromLive();
    } catch {
      return fromLive();
    }
  }
}

function gvkOf(obj: ApiObject): GroupVersionKind {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash >= 0 ? apiVersion.slice(0, slash) : '',
    version: slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion,
    kind: typeof obj.kind === 'string' ? obj.kind : '',
  };
}

function typedError(what: string, obj: ApiObject, gvk: GroupVersionKind, err: unknown): unknown {
  if (!(err instanceof TypedValueError)) return err;
  const nn = `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
  return new ApiError('', `${what} (${nn}; ${gvkString(gvk)}): ${err.message}`, { code: 500 });
}
