/** The watch cache's data shapes (re-exported by cacher.ts). */
import type { ApiObject, Logger } from '@kubelab/api';
import type { StoredRow } from '../printers/stored-row.js';
import type { Storage } from '../storage/index.js';
import type { StoredJson } from './stored-json.js';

/** What selectors look at: labels, and the fields a resource supports selecting on. */
export interface ObjectAttrs {
  labels: Record<string, string>;
  fields: Record<string, string>;
}

/** One cached object: its JSON as stored, never a parsed copy. */
export interface CacheEntry {
  key: string;
  rv: number;
  json: StoredJson;
  attrs: ObjectAttrs;
  /** Its Table row, printed when the object was stored (when the cacher has a `row` function). */
  row?: StoredRow;
}

export interface CacheEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  rv: number;
  json: StoredJson;
}

export type Predicate = (attrs: ObjectAttrs) => boolean;

export interface CacherOptions {
  storage: Storage;
  /** The keys this cache holds, e.g. '/registry/pods/'. */
  prefix: string;
  attrs: (obj: ApiObject) => ObjectAttrs;
  /** Prints an object's Table row once per stored version, for Table LISTs to serve as is. */
  row?: (obj: ApiObject, json: string) => StoredRow;
  /** Events kept for resuming watches; default 10000. */
  historySize?: number;
  logger?: Logger;
}

/**
 * The state before the event: its attrs, null when the object did not exist, or 'unknown'
 * for the oldest events loaded from the persisted history (the earlier state was trimmed).
 */
export type PrevAttrs = ObjectAttrs | null | 'unknown';

/** An event as the watch cache keeps it (upstream watchCacheEvent). */
export interface WatchCacheEvent extends CacheEvent {
  attrs: ObjectAttrs;
  prevAttrs: PrevAttrs;
}
