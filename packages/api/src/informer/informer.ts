/**
 * A shared informer: a cache of one resource kept current by list+watch, and handlers called on
 * each change (client-go's SharedIndexInformer, client-node's Informer).
 */
import type { ObjectCache } from './object-cache.js';

export interface InformerHandlers<T> {
  add: (obj: T) => void;
  /** Also called with obj === old on a periodic resync. */
  update: (obj: T, old: T) => void;
  /** The last known state (for deletions seen only through a relist, the cached one). */
  delete: (obj: T) => void;
}

export type InformerEvent = keyof InformerHandlers<unknown>;

export interface Informer<T> {
  /**
   * Registers a handler and returns its unsubscribe function. An 'add' handler registered
   * after objects are cached first receives an add for each of them, as client-go replays.
   */
  on<E extends InformerEvent>(event: E, handler: InformerHandlers<T>[E]): () => void;
  /** Starts listing and watching in the background; never gives up until stop(). */
  start(): void;
  stop(): void;
  /** True once the first list has been applied. */
  hasSynced(): boolean;
  /** Resolves once synced; rejects if the signal aborts first. */
  waitForSync(signal?: AbortSignal): Promise<void>;
  readonly cache: ObjectCache<T>;
}
