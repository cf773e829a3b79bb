/**
 * ListWatch: the informer's loop (client-node's ListWatch, client-go's Reflector), with
 * kubelab's error policy:
 *  - list (paged), replace the cache (synthetic deletes for vanished objects, no update when
 *    the resourceVersion is unchanged), then watch from the list's resourceVersion;
 *  - a watch that ends normally is re-opened from the last resourceVersion seen;
 *  - 410 Gone/Expired (HTTP status or ERROR event) clears the resourceVersion: relist;
 *  - every other error (connection refused, 5xx, timeouts, undecodable streams) is logged
 *    once per streak and retried after a capped, jittered exponential backoff that resets
 *    once the watch delivers again;
 *  - it stops only on stop().
 */
import type { KubeObject, ListerWatcher, ResourceClient } from '../client/resource-client.js';
import { realClock, type Clock } from '../clock.js';
import { ApiError, isGone, type Status } from '../errors.js';
import { noopLogger, type Logger } from '../logger.js';
import type { WatchEvent } from '../types/index.js';
import { Backoff, type BackoffOptions } from './backoff.js';
import { InformerHandlerSet } from './handler-set.js';
import type { Informer, InformerEvent, InformerHandlers } from './informer.js';
import { MapObjectCache, isSameVersion } from './object-cache.js';

export interface InformerOptions<T extends KubeObject> {
  client: ListerWatcher<T>;
  labelSelector?: string;
  fieldSelector?: string;
  clock?: Clock;
  logger?: Logger;
  /** Defaults: 200 ms doubling to 30 s, 20 % jitter. */
  backoff?: BackoffOptions;
  /** Re-deliver every cached object as an update this often; 0/undefined: never. */
  resyncMs?: number;
  /** List page size (client-go's pager uses 500). */
  pageSize?: number;
  /** Watches ask the server to end after a random 5–10 minutes (the Reflector's minWatchTimeout). */
  minWatchTimeoutSeconds?: number;
}

/** client-go's Reflector error for a watch that closes at once with nothing in it. */
export const VERY_SHORT_WATCH =
  'very short watch: Unexpected watch close - watch lasted less than a second and no items received';

class ListWatch<T extends KubeObject> implements Informer<T> {
  readonly cache = new MapObjectCache<T>();
  private readonly handlers: InformerHandlerSet<T>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly backoff: Backoff;
  private readonly random: () => number;
  private resourceVersion: string | undefined;
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private running: AbortController | undefined;
  private failing = false;
  private goneInARow = 0;

  constructor(private readonly opts: InformerOptions<T>) {
    this.clock = opts.clock ?? realClock;
    this.logger = opts.logger ?? noopLogger;
    this.backoff = new Backoff(opts.backoff);
    this.random = opts.backoff?.random ?? Math.random;
    this.handlers = new InformerHandlerSet<T>(this.logger);
  }

  on<E extends InformerEvent>(event: E, handler: InformerHandlers<T>[E]): () => void {
    const off = this.handlers.add(event, handler);
    if (event === 'add') {
      for (const obj of this.cache.list())
        this.handlers.callOne(handler as InformerHandlers<T>['add'], obj);
    }
    return off;
  }

  start(): void {
    if (this.running) return;
    const ctl = new AbortController();
    this.running = ctl;
    void this.run(ctl.signal);
    if (this.opts.resyncMs) void this.resync(ctl.signal, this.opts.resyncMs);
  }

  stop(): void {
    this.running?.abort(new Error('informer stopped'));
    this.running = undefined;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  waitForSync(signal?: AbortSignal): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void =>
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        if (this.resourceVersion === undefined) await this.relist(signal);
        await this.watch(signal);
      } catch (err) {
        if (signal.aborted) return;
        if (isGone(err)) {
          this.logger.debug('Watch expired, relisting', { ...this.fields(), err });
          this.resourceVersion = undefined;
          if (this.goneInARow++ === 0) continue;
        }
        this.reportError(err);
        try {
          await this.clock.sleep(this.backoff.next(), signal);
        } catch {
          return;
        }
      }
    }
  }

  /** All items, page by page; an expired continue token falls back to one full list (the pager's rule). */
  private async listAll(): Promise<{ items: T[]; rv: string | undefined }> {
    const items: T[] = [];
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      let page;
      try {
        page = await this.opts.client.list({
          ...this.selectors(),
          limit: this.opts.pageSize ?? 500,
          ...(cont ? { continue: cont } : {}),
        });
      } catch (err) {
        if (!cont || !isGone(err)) throw err;
        const full = await this.opts.client.list(this.selectors());
        return { items: full.items, rv: full.metadata.resourceVersion };
      }
      items.push(...page.items);
      cont = page.metadata.continue || undefined;
      rv = page.metadata.resourceVersion;
    } while (cont);
    return { items, rv };
  }

  private async relist(signal: AbortSignal): Promise<void> {
    const { items, rv } = await this.listAll();
    if (signal.aborted) return;
    const diff = this.cache.replace(items);
    this.resourceVersion = rv ?? '';
    for (const obj of diff.deleted) this.handlers.emit('delete', obj);
    for (const obj of diff.added) this.handlers.emit('add', obj);
    for (const { obj, old } of diff.updated) this.handlers.emit('update', obj, old);
    if (!this.synced) {
      this.synced = true;
      for (const w of this.syncWaiters.splice(0)) w();
    }
  }

  private async watch(signal: AbortSignal): Promise<void> {
    const started = this.clock.now();
    const minTimeout = this.opts.minWatchTimeoutSeconds ?? 300;
    let received = 0;
    const events = this.opts.client.watch({
      ...this.selectors(),
      ...(this.resourceVersion ? { resourceVersion: this.resourceVersion } : {}),
      allowWatchBookmarks: true,
      timeoutSeconds: Math.floor(minTimeout * (1 + this.random())),
      signal,
    });
    for await (const ev of events) {
      if (ev.type === 'ERROR') throw ApiError.fromStatus(ev.object as unknown as Partial<Status>);
      received++;
      this.recovered();
      this.apply(ev);
    }
    if (signal.aborted) return;
    if (received === 0 && this.clock.now() - started < 1000) throw new Error(VERY_SHORT_WATCH);
    this.recovered();
  }

  private apply(ev: WatchEvent<T>): void {
    const obj = ev.object;
    const rv = obj.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (ev.type === 'BOOKMARK') return;
    if (ev.type === 'DELETED') {
      const old = this.cache.remove(obj);
      if (old) this.handlers.emit('delete', obj);
      return;
    }
    const old = this.cache.upsert(obj);
    if (!old) this.handlers.emit('add', obj);
    else if (!isSameVersion(old, obj)) this.handlers.emit('update', obj, old);
  }

  private selectors(): { labelSelector?: string; fieldSelector?: string } {
    const s: { labelSelector?: string; fieldSelector?: string } = {};
    if (this.opts.labelSelector) s.labelSelector = this.opts.labelSelector;
    if (this.opts.fieldSelector) s.fieldSelector = this.opts.fieldSelector;
    return s;
  }

  /** Log fields naming what this informer watches. */
  private fields(): Record<string, string> {
    const info = (this.opts.client as Partial<ResourceClient<T>>).info;
    return { ...(info ? { resource: info.plural } : {}), ...this.selectors() };
  }

  private reportError(err: unknown): void {
    if (this.failing) {
      this.logger.debug('Failed to watch', { ...this.fields(), err });
      return;
    }
    this.failing = true;
    this.logger.error('Failed to watch', err, this.fields());
  }

  private recovered(): void {
    this.backoff.reset();
    this.goneInARow = 0;
    if (this.failing) {
      this.failing = false;
      this.logger.info('Watch re-established', this.fields());
    }
  }

  private async resync(signal: AbortSignal, everyMs: number): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.clock.sleep(everyMs, signal);
      } catch {
        return;
      }
      for (const obj of this.cache.list()) this.handlers.emit('update', obj, obj);
    }
  }
}

export function createInformer<T extends KubeObject>(opts: InformerOptions<T>): Informer<T> {
  return new ListWatch(opts);
}
