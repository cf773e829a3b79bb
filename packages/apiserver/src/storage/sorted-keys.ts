/**
 * Keys in ascending order with binary-search insert/remove and prefix ranges: the key index
 * of MemoryStorage and of the watch cache's store (LevelDB orders keys the same way for ASCII
 * registry keys).
 */
export class SortedKeys {
  private keys: string[];

  constructor(keys: Iterable<string> = []) {
    this.keys = [...new Set(keys)].sort(compare);
  }

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    const i = this.lowerBound(key);
    return this.keys[i] === key;
  }

  insert(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /** Every key that starts with prefix, in order. */
  withPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const k = this.keys[i] as string;
      if (!k.startsWith(prefix)) break;
      out.push(k);
    }
    return out;
  }

  /** The index of the first key >= s. */
  private lowerBound(s: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
