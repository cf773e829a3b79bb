/**
 * A typed client for one resource (optionally in one namespace): client-go's typed and dynamic
 * ResourceInterface. The REST implementation and the in-memory fake both implement it.
 */
import type { Status } from '../errors.js';
import type { ResourceInfo } from '../resources.js';
import type { ApiObject, ObjectMeta, WatchEvent } from '../types/index.js';

/**
 * What a client needs of an object type. Looser than ApiObject (no index signature), so that
 * the kubernetes-types interfaces (Pod, Node ...) fit: ResourceClient<Pod>.
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** A list response (ApiList, for any KubeObject). */
export interface ObjectList<T extends KubeObject = ApiObject> {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

export interface GetOptions {
  resourceVersion?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
}

export interface WatchOptions {
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  /** Aborting ends the iteration quietly. */
  signal?: AbortSignal;
}

export interface WriteOptions {
  /** Server-side dry run (`dryRun=All`). */
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
}

/** merge-patch+json, strategic-merge-patch+json, json-patch+json, apply-patch+yaml. */
export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

export interface PatchOptions extends WriteOptions {
  subresource?: string;
  /** Server-side apply: take ownership of conflicting fields. */
  force?: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  dryRun?: boolean;
}

export interface ResourceClient<T extends KubeObject = ApiObject> {
  readonly info: ResourceInfo;
  /** Undefined for cluster-scoped resources and for all-namespaces clients. */
  readonly namespace: string | undefined;
  get(name: string, opts?: GetOptions): Promise<T>;
  list(opts?: ListOptions): Promise<ObjectList<T>>;
  create(obj: T, opts?: WriteOptions): Promise<T>;
  update(obj: T, opts?: WriteOptions): Promise<T>;
  updateStatus(obj: T, opts?: WriteOptions): Promise<T>;
  patch(name: string, type: PatchType, body: unknown, opts?: PatchOptions): Promise<T>;
  /** The object (when deletion is graceful or blocked by finalizers) or a Success Status. */
  delete(name: string, opts?: DeleteOptions): Promise<T | Status>;
  /** Events until the server ends the watch or the signal aborts; HTTP errors throw ApiError. */
  watch(opts?: WatchOptions): AsyncIterable<WatchEvent<T>>;
}

/** The part of a ResourceClient an informer needs. */
export type ListerWatcher<T extends KubeObject = ApiObject> = Pick<
  ResourceClient<T>,
  'list' | 'watch'
>;
