/**
 * The watch cache in front of Storage for one resource prefix (upstream storage/cacher): serves
 * get/list from memory and watches from a bounded event window. It keeps each object's JSON (as
 * StoredJson: bytes outside the V8 heap), selector attrs and printed Table row, never parsed
 * objects. Events are applied and dispatched synchronously from the storage listener, so the
 * cache is never behind an acknowledged write.
 */
import { noopLogger, type ApiObject, type Logger } from '@kubelab/api';
import type { Storage, StorageEvent } from '../storage/index.js';
import { CacheStore } from './cache-store.js';
import { CacheWatcher } from './cache-watcher.js';
import { replayHistory } from './history-replay.js';
import { StoredJson } from './stored-json.js';
import type {
  CacheEntry,
  CacheEvent,
  CacherOptions,
  ObjectAttrs,
  Predicate,
  WatchCacheEvent,
} from './types.js';
import { WatchCache } from './watch-cache.js';

export type {
  CacheEntry,
  CacheEvent,
  CacherOptions,
  ObjectAttrs,
  Predicate,
  WatchCacheEvent,
} from './types.js';

export interface WatchOptions {
  /** Keys under this prefix (the cacher's own prefix or one below it, e.g. a namespace). */
  prefix: string;
  /** Undefined or 0: synthetic ADDED for every current object, then changes. N: changes after N. */
  fromRv?: number;
  pred?: Predicate;
  onEvent: (ev: CacheEvent) => void;
}

const NO_ATTRS: ObjectAttrs = { labels: {}, fields: {} };

export class Cacher {
  private readonly storage: Storage;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly attrsFn: (obj: ApiObject) => ObjectAttrs;
  private readonly rowFn: CacherOptions['row'];
  private store = new CacheStore();
  private events!: WatchCache;
  private watchers: readonly CacheWatcher[] = [];
  private unsubscribe: () => void = () => {};

  private constructor(opts: CacherOptions) {
    this.storage = opts.storage;
    this.prefix = opts.prefix;
    this.attrsFn = opts.attrs;
    this.rowFn = opts.row;
    this.logger = (opts.logger ?? noopLogger).named('cacher.ts').with({ prefix: opts.prefix });
  }

  /** Lists the prefix, loads the persisted history for it, and follows the storage. */
  static async create(opts: CacherOptions): Promise<Cacher> {
    const c = new Cacher(opts);
    await c.load(opts.historySize ?? 10000);
    return c;
  }

  get(key: string): CacheEntry | undefined {
    return this.store.get(key);
  }

  /** Matching entries in key order, and the storage's current resourceVersion. */
  list(prefix: string, pred?: Predicate): { items: CacheEntry[]; rv: number } {
    return { items: this.store.list(prefix, pred), rv: this.storage.currentResourceVersion() };
  }

  /**
   * Starts a watch; events before this returns are delivered synchronously from within it.
   * Throws StorageError 'Expired' (410) when events after fromRv may have been dropped.
   */
  watch(opts: WatchOptions): { stop(): void } {
    if (!opts.prefix.startsWith(this.prefix)) {
      throw new Error(`watch prefix ${opts.prefix} is outside the cache of ${this.prefix}`);
    }
    const fromRv = opts.fromRv ?? 0;
    const backlog = fromRv > 0 ? this.events.since(fromRv, opts.prefix) : [];
    const w = new CacheWatcher({
      prefix: opts.prefix,
      afterRv: fromRv,
      pred: opts.pred,
      onEvent: opts.onEvent,
      logger: this.logger,
    });
    if (fromRv > 0) {
      for (const ev of backlog) w.dispatch(ev);
    } else {
      for (const e of this.store.list(opts.prefix, opts.pred)) {
        w.send({ type: 'ADDED', key: e.key, rv: e.rv, json: e.json });
      }
    }
    this.watchers = [...this.watchers, w];
    return {
      stop: () => {
        w.stopped = true;
        this.watchers = this.watchers.filter((x) => x !== w);
      },
    };
  }

  /** Stops following the storage and drops every watcher. */
  close(): void {
    this.unsubscribe();
    for (const w of this.watchers) w.stopped = true;
    this.watchers = [];
  }

  private async load(historySize: number): Promise<void> {
    const pending: StorageEvent[] = [];
    let live = false;
    this.unsubscribe = this.storage.subscribe((ev) => {
      if (!ev.key.startsWith(this.prefix)) return;
      if (live) this.apply(ev);
      else pending.push(ev);
    });
    try {
      const listed = await this.storage.list(this.prefix);
      const history = await this.storage.history(0);
      const afterHistory = this.storage.currentResourceVersion();

      this.store = new CacheStore(
        listed.items.map((i) => ({ key: i.key, rv: i.rv, json: StoredJson.of(i.json), ...this.derive(i.json) })),
      );
      for (const ev of pending) if (ev.rv > listed.rv) this.applyToStore(ev);

      const mine = history.events.filter((ev) => ev.key.startsWith(this.prefix));
      const lastRv = mine.length > 0 ? (mine[mine.length - 1] as StorageEvent).rv : 0;
      const replayed = replayHistory(
        [...mine, ...pending.filter((ev) => ev.rv > lastRv)],
        (json) => this.attrsOf(json),
        this.store,
      );
      // Kept history starts right after its first event's predecessor; an empty incomplete one
      // means everything up to now was trimmed (later events are in `pending`).
      const first = history.events[0];
      const floor = history.complete ? 0 : first ? first.rv - 1 : afterHistory;
      this.events = new WatchCache(historySize, floor);
      for (const ev of replayed) this.events.push(ev);
      live = true;
      this.logger.info('Loaded watch cache', {
        objects: this.store.size,
        events: this.events.length,
        oldestResumableRv: this.events.floor,
      });
    } catch (err) {
      this.unsubscribe();
      throw new Error(`failed to load the watch cache for ${this.prefix}`, { cause: err });
    }
  }

  private apply(ev: StorageEvent): void {
    const prev = this.store.get(ev.key);
    const wev = this.applyToStore(ev, prev);
    this.events.push(wev);
    for (const w of this.watchers) w.dispatch(wev);
  }

  private applyToStore(ev: StorageEvent, prev = this.store.get(ev.key)): WatchCacheEvent {
    const { type, key, rv } = ev;
    const json = StoredJson.of(ev.json);
    if (type === 'DELETED') {
      this.store.remove(key);
      const attrs = prev?.attrs ?? (ev.object ? this.attrsFn(ev.object) : this.attrsOf(ev.json));
      return { type, key, rv, json, attrs, prevAttrs: attrs };
    }
    const derived = ev.object ? this.deriveFrom(ev.object, ev.json) : this.derive(ev.json);
    this.store.put({ key, rv, json, ...derived });
    return { type, key, rv, json, attrs: derived.attrs, prevAttrs: prev ? prev.attrs : null };
  }

  /** What the cache keeps beside an object's JSON: its selector attrs and Table row. */
  private deriveFrom(obj: ApiObject, json: string): Pick<CacheEntry, 'attrs' | 'row'> {
    const attrs = this.attrsFn(obj);
    return this.rowFn ? { attrs, row: this.rowFn(obj, json) } : { attrs };
  }

  private derive(json: string): Pick<CacheEntry, 'attrs' | 'row'> {
    try {
      return this.deriveFrom(JSON.parse(json) as ApiObject, json);
    } catch (err) {
      this.logger.error('Failed to compute selector attributes', err);
      return { attrs: NO_ATTRS };
    }
  }

  private attrsOf(json: string): ObjectAttrs {
    try {
      return this.attrsFn(JSON.parse(json) as ApiObject);
    } catch (err) {
      this.logger.error('Failed to compute selector attributes', err);
      return NO_ATTRS;
    }
  }
}
