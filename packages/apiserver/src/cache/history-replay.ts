/**
 * Turns StorageEvents (the persisted history, then the events that arrived while the cacher was
 * loading) into WatchCacheEvents, working out each event's previous attrs by replaying them in
 * order. Events that are the current state of their key share the store entry's key, stored JSON
 * and attrs, so a loaded history costs no second copy of the live objects.
 */
import type { StorageEvent } from '../storage/index.js';
import type { CacheStore } from './cache-store.js';
import { StoredJson } from './stored-json.js';
import type { ObjectAttrs, WatchCacheEvent } from './types.js';

export function replayHistory(
  events: StorageEvent[],
  attrsOf: (json: string) => ObjectAttrs,
  current: CacheStore,
): WatchCacheEvent[] {
  // Per key: the attrs after the last replayed event (null: deleted); absent: not seen yet.
  const last = new Map<string, ObjectAttrs | null>();
  const out: WatchCacheEvent[] = [];
  for (const { type, key: eventKey, rv, json: eventJson } of events) {
    const entry = current.get(eventKey);
    const shared = entry && entry.rv === rv ? entry : undefined;
    // Strings decoded from one log entry are slices of it: keep none of them for shared events.
    const key = shared ? shared.key : eventKey;
    const json = shared ? shared.json : StoredJson.of(eventJson);
    const known = last.get(key);
    if (type === 'DELETED') {
      // The deleted object's JSON is its last state: before and after look the same.
      const attrs = known ?? attrsOf(eventJson);
      out.push({ type, key, rv, json, attrs, prevAttrs: attrs });
      last.set(key, null);
      continue;
    }
    const attrs = shared ? shared.attrs : attrsOf(eventJson);
    const prevAttrs = type === 'ADDED' ? null : known === undefined ? 'unknown' : known;
    out.push({ type, key, rv, json, attrs, prevAttrs });
    last.set(key, attrs);
  }
  return out;
}
