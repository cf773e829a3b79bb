/**
 * A bounded FIFO (upstream's watch cache keeps `cache[startIndex % capacity]`): pushing into
 * a full buffer evicts the oldest element and returns it.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[] = [];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`invalid ring buffer capacity: ${capacity}`);
    }
  }

  get length(): number {
    return this.count;
  }

  /** Appends item; returns the element evicted to make room (item itself at capacity 0). */
  push(item: T): T | undefined {
    if (this.capacity === 0) return item;
    if (this.count < this.capacity) {
      const at = (this.start + this.count) % this.capacity;
      if (at === this.items.length) this.items.push(item);
      else this.items[at] = item;
      this.count++;
      return undefined;
    }
    const evicted = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }

  /** The i-th element, 0 being the oldest. */
  at(i: number): T {
    if (i < 0 || i >= this.count) throw new RangeError(`index ${i} out of range`);
    return this.items[(this.start + i) % this.capacity] as T;
  }

  /** The first index whose element satisfies pred, for a pred that is monotone (false...true);
   * length when none does. */
  findFirst(pred: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(this.at(mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Elements from index `from` (default 0) to the newest. */
  slice(from = 0): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, from); i < this.count; i++) out.push(this.at(i));
    return out;
  }
}
