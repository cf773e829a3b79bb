/** The current objects under a cacher's prefix, by key, in key order (upstream's watch cache store). */
import { SortedKeys } from '../storage/sorted-keys.js';
import type { CacheEntry, Predicate } from './types.js';

export class CacheStore {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly keys: SortedKeys;

  constructor(initial: CacheEntry[] = []) {
    for (const e of initial) this.entries.set(e.key, e);
    this.keys = new SortedKeys(this.entries.keys());
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  put(entry: CacheEntry): void {
    if (!this.entries.has(entry.key)) this.keys.insert(entry.key);
    this.entries.set(entry.key, entry);
  }

  remove(key: string): void {
    if (this.entries.delete(key)) this.keys.remove(key);
  }

  /** Entries whose key starts with prefix and whose attrs match pred, in key order. */
  list(prefix: string, pred?: Predicate): CacheEntry[] {
    const out: CacheEntry[] = [];
    for (const k of this.keys.withPrefix(prefix)) {
      const e = this.entries.get(k) as CacheEntry;
      if (!pred || pred(e.attrs)) out.push(e);
    }
    return out;
  }
}
