/**
 * The decisions behind create / guaranteedUpdate / delete, shared by every Storage. A plan runs
 * inside the commit queue's serialised section against a view that already includes the writes
 * queued before it, and is handed the resourceVersion its write will get.
 */
import type { ApiObject } from '@kubelab/api';
import { checkPreconditions } from './preconditions.js';
import { encodeObject } from './resource-version.js';
import { newStorageError } from './storage-errors.js';
import type {
  DeleteOptions,
  StorageEvent,
  StoredItem,
  TryUpdate,
  UpdateOptions,
} from './storage.js';

/** Reads the state as of the last write queued before the plan (committed or not). */
export interface WriteView {
  read(key: string): StoredItem | undefined;
}

export type WriteOutcome =
  { kind: 'write'; event: StorageEvent } | { kind: 'noop'; item: StoredItem };

export type WritePlan = (view: WriteView, rv: number) => WriteOutcome | Promise<WriteOutcome>;

export function planCreate(key: string, obj: ApiObject): WritePlan {
  return (view, rv) => {
    if (view.read(key) !== undefined) throw newStorageError('KeyExists', key);
    return { kind: 'write', event: { type: 'ADDED', key, rv, json: encodeObject(obj, rv), object: obj } };
  };
}

export function planUpdate(key: string, tryUpdate: TryUpdate, opts: UpdateOptions = {}): WritePlan {
  return (view, rv) => {
    const cur = view.read(key);
    if (!cur && !opts.ignoreNotFound) throw newStorageError('KeyNotFound', key);
    const current = cur ? (JSON.parse(cur.json) as ApiObject) : {};
    checkPreconditions(key, current, opts.preconditions);
    const next = tryUpdate(current);
    if (next instanceof Promise) return next.then((obj) => updateOutcome(key, cur, obj, rv));
    return updateOutcome(key, cur, next, rv);
  };
}

function updateOutcome(
  key: string,
  cur: StoredItem | undefined,
  obj: ApiObject,
  rv: number,
): WriteOutcome {
  if (cur && encodeObject(obj, cur.rv) === cur.json) return { kind: 'noop', item: cur };
  const type = cur ? 'MODIFIED' : 'ADDED';
  return { kind: 'write', event: { type, key, rv, json: encodeObject(obj, rv), object: obj } };
}

export function planDelete(key: string, opts: DeleteOptions = {}): WritePlan {
  return (view, rv) => {
    const cur = view.read(key);
    if (!cur) throw newStorageError('KeyNotFound', key);
    const current = JSON.parse(cur.json) as ApiObject;
    checkPreconditions(key, current, opts.preconditions);
    const event: StorageEvent = { type: 'DELETED', key, rv, json: encodeObject(current, rv), object: current };
    const validated = opts.validateDeletion?.(current);
    if (validated instanceof Promise) return validated.then(() => ({ kind: 'write', event }));
    return { kind: 'write', event };
  };
}
