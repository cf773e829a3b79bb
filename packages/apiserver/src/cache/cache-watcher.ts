/**
 * One watcher of a cacher (upstream cache_watcher.go): filters events by key prefix and
 * selector, turning selector transitions into ADDED / DELETED as upstream's convertToWatchEvent
 * does, and isolates the cacher from a throwing callback.
 */
import type { Logger } from '@kubelab/api';
import type { CacheEvent, Predicate, WatchCacheEvent } from './types.js';

/**
 * What a watcher with pred sees of ev: matching before and after → the event as is; only after
 * → ADDED; only before → DELETED (carrying the event's JSON); neither → nothing. A previous
 * state lost to history trimming counts as matching, so a removal is never missed.
 */
export function toWatchEvent(ev: WatchCacheEvent, pred?: Predicate): CacheEvent | undefined {
  const { type, key, rv, json } = ev;
  if (!pred) return { type, key, rv, json };
  const cur = type !== 'DELETED' && pred(ev.attrs);
  const prev = ev.prevAttrs === 'unknown' ? true : ev.prevAttrs !== null && pred(ev.prevAttrs);
  if (cur && prev) return { type: 'MODIFIED', key, rv, json };
  if (cur) return { type: 'ADDED', key, rv, json };
  if (prev) return { type: 'DELETED', key, rv, json };
  return undefined;
}

export interface CacheWatcherOptions {
  prefix: string;
  /** Events with rv <= afterRv are not delivered. */
  afterRv: number;
  pred: Predicate | undefined;
  onEvent: (ev: CacheEvent) => void;
  logger: Logger;
}

export class CacheWatcher {
  stopped = false;

  constructor(private readonly opts: CacheWatcherOptions) {}

  /** Delivers ev if it concerns this watcher. */
  dispatch(ev: WatchCacheEvent): void {
    if (this.stopped || ev.rv <= this.opts.afterRv || !ev.key.startsWith(this.opts.prefix)) return;
    const out = toWatchEvent(ev, this.opts.pred);
    if (out) this.send(out);
  }

  send(ev: CacheEvent): void {
    if (this.stopped) return;
    try {
      this.opts.onEvent(ev);
    } catch (err) {
      this.opts.logger.error('Watcher failed to handle event', err, { key: ev.key, rv: ev.rv });
    }
  }
}
