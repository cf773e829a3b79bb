/**
 * The storage seam under the registry, shaped after k8s.io/apiserver/pkg/storage.Interface.
 * Keys follow etcd's registry layout: /registry/pods/<namespace>/<name>.
 *
 * One cluster-wide, strictly increasing resourceVersion is assigned by the storage on every
 * write and persisted with the write in the same atomic batch. A write's promise resolves only
 * after the backend has taken it (LevelDB: after the batch is written), and the storage's
 * listeners have been told of it synchronously before that, so that a cache in front of the
 * storage is never behind an acknowledged write.
 */
import type { ApiObject } from '@kubelab/api';

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export type StorageErrorCode =
  | 'KeyNotFound'
  | 'KeyExists'
  | 'ResourceVersionConflict'
  | 'InvalidObj'
  | 'Expired';

/** Errors of the storage layer; the registry turns them into ApiErrors with resource names. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly key: string,
    message?: string,
  ) {
    super(message ?? `${code}: ${key}`);
    this.name = 'StorageError';
  }
}

export type StorageEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change. `json` is the serialised object as stored (after the change; for
 * DELETED, the last state with the deletion's resourceVersion). */
export interface StorageEvent {
  type: StorageEventType;
  key: string;
  rv: number;
  json: string;
  /** The object as written, for in-process listeners that would otherwise parse `json` again
   * (the watch cache's selector attributes). Never persisted; listeners must not keep it. */
  object?: ApiObject;
}

export interface TryUpdate {
  /** Receives the current object (a fresh copy the function may mutate) and returns the new
   * one. Returning the same serialised bytes writes nothing. Throwing aborts the update. */
  (current: ApiObject): ApiObject | Promise<ApiObject>;
}

export interface UpdateOptions {
  preconditions?: Preconditions;
  /** Call tryUpdate with an empty object `{}` instead of failing when the key is missing. */
  ignoreNotFound?: boolean;
}

export interface DeleteOptions {
  preconditions?: Preconditions;
  /** Runs against the current object before deleting; throwing aborts the deletion. */
  validateDeletion?: (current: ApiObject) => void | Promise<void>;
}

export interface StoredItem {
  key: string;
  rv: number;
  json: string;
}

export interface Storage {
  /** Stores a new object; sets metadata.resourceVersion. Fails with KeyExists. */
  create(key: string, obj: ApiObject): Promise<StoredItem>;
  /** The object at key, or undefined. */
  get(key: string): Promise<StoredItem | undefined>;
  /** Every object whose key starts with prefix (add the trailing "/"), in key order. */
  list(prefix: string): Promise<{ items: StoredItem[]; rv: number }>;
  /** Read-modify-write with preconditions, retried internally on concurrent changes. */
  guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions): Promise<StoredItem>;
  /** Removes the object; the returned item carries the deletion's resourceVersion. */
  delete(key: string, opts?: DeleteOptions): Promise<StoredItem>;
  /** The resourceVersion of the latest committed write (0 for an empty store). */
  currentResourceVersion(): number;
  /**
   * The persisted event history: every event with rv > afterRv (in order), and
   * `complete`, which is false when events after afterRv were already dropped from the kept
   * history (a watcher from afterRv would miss changes: 410 Expired).
   */
  history(afterRv: number): Promise<{ events: StorageEvent[]; complete: boolean }>;
  /** Called synchronously for every committed write, in resourceVersion order. */
  subscribe(listener: (ev: StorageEvent) => void): () => void;
  close(): Promise<void>;
}
