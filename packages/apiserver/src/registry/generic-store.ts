/**
 * One store per resource (registry/generic/registry/store.go): writes go through the Storage
 * with the resource's Strategy and the admission chain; reads and watches are served from the
 * resource's watch cache.
 */
import type { ApiObject, Clock, DeleteOptions, FieldError, ResourceInfo } from '@kubelab/api';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
  invalidValue,
  OPTIMISTIC_LOCK_ERROR_MSG,
  rfc3339,
} from '@kubelab/api';
import type { AdmissionChain, AdmissionAttributes, Operation } from '../admission/admission.js';
import type { CacheEntry, Cacher } from '../cache/cacher.js';
import type { Preconditions, Storage, StoredItem } from '../storage/storage.js';
import { StorageError } from '../storage/storage.js';
import { planDeletion, shouldDeleteDuringUpdate } from './deletion.js';
import { collectionPrefix, objectKey } from './keys.js';
import { generateName, newUid } from './names.js';
import type { RequestContext } from './request-context.js';
import type { Strategy, UpdateStrategy } from './strategy.js';

export interface GenericStoreOptions {
  info: ResourceInfo;
  storage: Storage;
  cacher: Cacher;
  strategy: Strategy;
  admission: AdmissionChain;
  clock: Clock;
}

export interface UpdateResult {
  item: StoredItem;
  created: boolean;
}

export interface DeleteResult {
  item: StoredItem;
  /** false when the object was only marked (graceful deletion or finalizers pending). */
  deleted: boolean;
}

export type TryUpdateFn = (current: ApiObject | undefined) => ApiObject | Promise<ApiObject>;

const gr = (info: ResourceInfo) => ({ group: info.group, resource: info.plural });

export class GenericStore {
  readonly info: ResourceInfo;
  readonly cacher: Cacher;
  private readonly storage: Storage;
  private readonly strategy: Strategy;
  private readonly admission: AdmissionChain;
  private readonly clock: Clock;

  constructor(opts: GenericStoreOptions) {
    this.info = opts.info;
    this.storage = opts.storage;
    this.cacher = opts.cacher;
    this.strategy = opts.strategy;
    this.admission = opts.admission;
    this.clock = opts.clock;
  }

  key(namespace: string | undefined, name: string): string {
    return objectKey(this.info, namespace, name);
  }

  /** The store's latest resourceVersion (all resources share one counter). */
  resourceVersion(): number {
    return this.storage.currentResourceVersion();
  }

  prefix(namespace: string | undefined): string {
    return collectionPrefix(this.info, namespace);
  }

  /** The cached entry, or NotFound. */
  get(namespace: string | undefined, name: string): CacheEntry {
    const entry = this.cacher.get(this.key(namespace, name));
    if (!entry) throw notFound(gr(this.info), name);
    return entry;
  }

  getObject(namespace: string | undefined, name: string): ApiObject {
    return JSON.parse(this.get(namespace, name).json.toString()) as ApiObject;
  }

  async create(ctx: RequestContext, obj: ApiObject): Promise<StoredItem> {
    const meta = (obj.metadata ??= {});
    if (this.info.namespaced) {
      if (meta.namespace && ctx.namespace && meta.namespace !== ctx.namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = ctx.namespace ?? meta.namespace;
    } else {
      delete meta.namespace;
    }
    // rest.BeforeCreate / FillObjectMetaSystemFields
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.selfLink;
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);

    await this.admission.admit(this.attrs('CREATE', ctx, obj, undefined, ''));
    this.strategy.prepareForCreate(obj, ctx);
    this.throwIfInvalid(obj, this.strategy.validate(obj, ctx));
    await this.admission.validate(this.attrs('CREATE', ctx, obj, undefined, ''));

    const name = meta.name ?? '';
    if (ctx.dryRun) {
      if (this.cacher.get(this.key(meta.namespace, name))) throw alreadyExists(gr(this.info), name);
      return { key: this.key(meta.namespace, name), rv: 0, json: JSON.stringify(obj) };
    }
    try {
      return await this.storage.create(this.key(meta.namespace, name), obj);
    } catch (err) {
      throw this.translate(err, name);
    }
  }

  /**
   * Read-modify-write of one object (PUT, PATCH, and subresources that write through it).
   * `tryUpdate` gets the current object (undefined when missing and create-on-update is
   * allowed) and returns the desired one.
   */
  async update(
    ctx: RequestContext,
    name: string,
    tryUpdate: TryUpdateFn,
    opts: { subresource?: string; forceAllowCreate?: boolean } = {},
  ): Promise<UpdateResult> {
    const subresource = opts.subresource ?? '';
    const key = this.key(ctx.namespace, name);
    const allowCreate = !subresource && (this.strategy.allowCreateOnUpdate || !!opts.forceAllowCreate);
    let created = false;
    let deleteAfter = false;
    const updater = async (current: ApiObject): Promise<ApiObject> => {
      created = false;
      deleteAfter = false;
      const exists = current.metadata?.uid !== undefined;
      if (!exists) {
        if (!allowCreate) throw notFound(gr(this.info), name);
        const obj = await tryUpdate(undefined);
        created = true;
        return this.prepareCreateInUpdate(ctx, obj, name);
      }
      const oldObj = structuredClone(current);
      const obj = await tryUpdate(current);
      await this.prepareUpdate(ctx, obj, oldObj, name, subresource);
      deleteAfter = this.strategy.readyToDelete ? this.strategy.readyToDelete(obj) : shouldDeleteDuringUpdate(obj);
      return obj;
    };
    if (ctx.dryRun) {
      const entry = this.cacher.get(key);
      if (!entry && !allowCreate) throw notFound(gr(this.info), name);
      const obj = await updater(entry ? (JSON.parse(entry.json.toString()) as ApiObject) : {});
      return { item: { key, rv: entry?.rv ?? 0, json: JSON.stringify(obj) }, created };
    }
    let item: StoredItem;
    try {
      item = await this.storage.guaranteedUpdate(key, updater, { ignoreNotFound: allowCreate });
    } catch (err) {
      throw this.translate(err, name);
    }
    if (deleteAfter) {
      const obj = JSON.parse(item.json) as ApiObject;
      try {
        item = await this.storage.delete(key, { preconditions: { uid: obj.metadata?.uid } });
      } catch (err) {
        if (!(err instanceof StorageError && err.code === 'KeyNotFound')) throw this.translate(err, name);
      }
    }
    return { item, created };
  }

  async delete(ctx: RequestContext, name: string, options: DeleteOptions): Promise<DeleteResult> {
    const key = this.key(ctx.namespace, name);
    const entry = this.cacher.get(key);
    if (!entry) throw notFound(gr(this.info), name);
    const current = JSON.parse(entry.json.toString()) as ApiObject;
    this.checkPreconditions(current, options.preconditions ?? {}, name);
    if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0) {
      throw invalidDeleteOptions(name, this.info);
    }
    await this.admission.validate(this.attrs('DELETE', ctx, undefined, current, '', name));
    const grace = this.strategy.gracePeriod?.(current, options);
    let plan = planDeletion(current, options, grace, this.clock.now());
    if (plan.kind === 'delete-now' && this.strategy.deferDeletion?.(current)) {
      plan = planDeletion(current, options, undefined, this.clock.now(), true);
    }
    if (plan.kind === 'mark') this.strategy.onDeletionMarked?.(plan.object);
    const preconditions: Preconditions = { uid: current.metadata?.uid };
    if (options.preconditions?.resourceVersion) preconditions.resourceVersion = options.preconditions.resourceVersion;
    if (ctx.dryRun) {
      const obj = plan.kind === 'mark' ? plan.object : current;
      return { item: { key, rv: entry.rv, json: JSON.stringify(obj) }, deleted: plan.kind === 'delete-now' };
    }
    try {
      if (plan.kind === 'delete-now') {
        return { item: await this.storage.delete(key, { preconditions }), deleted: true };
      }
      if (plan.kind === 'unchanged') return { item: { key, rv: entry.rv, json: entry.json.toString() }, deleted: false };
      const marked = plan.object;
      const item = await this.storage.guaranteedUpdate(
        key,
        (cur) => {
          if (cur.metadata?.uid !== preconditions.uid) throw new StorageError('ResourceVersionConflict', key);
          const next: ApiObject = { ...cur, metadata: { ...cur.metadata, ...pickDeletionMeta(marked) } };
          if (marked.status !== undefined) next.status = marked.status;
          return next;
        },
        { preconditions },
      );
      return { item, deleted: false };
    } catch (err) {
      throw this.translate(err, name);
    }
  }

  private async prepareCreateInUpdate(ctx: RequestContext, obj: ApiObject, name: string): Promise<ApiObject> {
    const meta = (obj.metadata ??= {});
    meta.name = name;
    if (this.info.namespaced) meta.namespace = ctx.namespace;
    delete meta.resourceVersion;
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    await this.admission.admit(this.attrs('CREATE', ctx, obj, undefined, ''));
    this.strategy.prepareForCreate(obj, ctx);
    this.throwIfInvalid(obj, this.strategy.validate(obj, ctx));
    await this.admission.validate(this.attrs('CREATE', ctx, obj, undefined, ''));
    return obj;
  }

  private async prepareUpdate(
    ctx: RequestContext,
    obj: ApiObject,
    oldObj: ApiObject,
    name: string,
    subresource: string,
  ): Promise<void> {
    const meta = (obj.metadata ??= {});
    const oldMeta = oldObj.metadata ?? {};
    const rv = meta.resourceVersion;
    if (rv && rv !== oldMeta.resourceVersion) {
      throw conflict(gr(this.info), name, OPTIMISTIC_LOCK_ERROR_MSG);
    }
    if (!rv && !this.strategy.allowUnconditionalUpdate) {
      throw invalid({ group: this.info.group, kind: this.info.kind }, name, [
        invalidValue('metadata.resourceVersion', '0x0', 'must be specified for an update'),
      ]);
    }
    // An unconditional update validates as if it carried the stored version.
    meta.resourceVersion = oldMeta.resourceVersion;
    if (meta.name === undefined || meta.name === '') meta.name = oldMeta.name;
    if (this.info.namespaced && !meta.namespace) meta.namespace = oldMeta.namespace;
    if (!meta.uid) meta.uid = oldMeta.uid;
    // rest.BeforeUpdate: system fields come from the stored object.
    meta.creationTimestamp = oldMeta.creationTimestamp;
    if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp;
    else delete meta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined) {
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    } else delete meta.deletionGracePeriodSeconds;
    if (this.strategy.tracksGeneration || oldMeta.generation !== undefined) meta.generation = oldMeta.generation;
    delete meta.selfLink;

    const strategy: UpdateStrategy | undefined = subresource
      ? this.strategy.subresources[subresource]
      : this.strategy;
    if (!strategy) throw notFound(gr(this.info), name);
    await this.admission.admit(this.attrs('UPDATE', ctx, obj, oldObj, subresource, name));
    strategy.prepareForUpdate(obj, oldObj, ctx);
    this.throwIfInvalid(obj, strategy.validateUpdate(obj, oldObj, ctx), name);
    await this.admission.validate(this.attrs('UPDATE', ctx, obj, oldObj, subresource, name));
    // The stored resourceVersion is managed by the storage.
    meta.resourceVersion = oldMeta.resourceVersion;
  }

  private checkPreconditions(obj: ApiObject, pre: { uid?: string; resourceVersion?: string }, name: string): void {
    const m = obj.metadata ?? {};
    if (pre.uid && pre.uid !== m.uid) {
      throw conflict(
        gr(this.info),
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${m.uid ?? ''}`,
      );
    }
    if (pre.resourceVersion && pre.resourceVersion !== m.resourceVersion) {
      throw conflict(
        gr(this.info),
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${m.resourceVersion ?? ''}`,
      );
    }
  }

  private throwIfInvalid(obj: ApiObject, errs: FieldError[], name?: string): void {
    if (errs.length === 0) return;
    throw invalid({ group: this.info.group, kind: this.info.kind }, name ?? obj.metadata?.name ?? '', errs);
  }

  private attrs(
    operation: Operation,
    ctx: RequestContext,
    object: ApiObject | undefined,
    oldObject: ApiObject | undefined,
    subresource: string,
    name?: string,
  ): AdmissionAttributes {
    return {
      operation,
      resource: this.info,
      subresource,
      namespace: this.info.namespaced ? (object?.metadata?.namespace ?? ctx.namespace) : undefined,
      name: name ?? object?.metadata?.name ?? '',
      object,
      oldObject,
      ctx,
    };
  }

  /** StorageError → ApiError with this resource's names. */
  translate(err: unknown, name: string): unknown {
    if (!(err instanceof StorageError)) return err;
    switch (err.code) {
      case 'KeyNotFound':
        return notFound(gr(this.info), name);
      case 'KeyExists':
        return alreadyExists(gr(this.info), name);
      case 'ResourceVersionConflict': {
        const i = err.message.indexOf('Precondition failed');
        return conflict(gr(this.info), name, i >= 0 ? err.message.slice(i) : OPTIMISTIC_LOCK_ERROR_MSG);
      }
      case 'Expired':
        return new ApiError('Expired', err.message);
      default:
        return err;
    }
  }
}

function pickDeletionMeta(obj: ApiObject): Partial<NonNullable<ApiObject['metadata']>> {
  const m = obj.metadata ?? {};
  return {
    deletionTimestamp: m.deletionTimestamp,
    deletionGracePeriodSeconds: m.deletionGracePeriodSeconds,
    finalizers: m.finalizers,
  };
}

function invalidDeleteOptions(name: string, info: ResourceInfo): ApiError {
  return new ApiError('Invalid', `${info.kind} "${name}" is invalid: gracePeriodSeconds: Invalid value: must be >= 0`, {
    details: { name, kind: info.kind },
  });
}
