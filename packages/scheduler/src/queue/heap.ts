/** A binary heap keyed by string, with update and delete by key. */
export class KeyedHeap<T> {
  private readonly items: { key: string; value: T }[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i]?.value;
  }

  peek(): T | undefined {
    return this.items[0]?.value;
  }

  /** Adds or replaces. */
  set(key: string, value: T): void {
    const i = this.index.get(key);
    if (i !== undefined) {
      (this.items[i] as { value: T }).value = value;
      this.fix(i);
      return;
    }
    this.items.push({ key, value });
    this.index.set(key, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (!top) return undefined;
    this.removeAt(0);
    return top.value;
  }

  delete(key: string): T | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const v = this.items[i]?.value;
    this.removeAt(i);
    return v;
  }

  values(): T[] {
    return this.items.map((x) => x.value);
  }

  private removeAt(i: number): void {
    const last = this.items.length - 1;
    this.swap(i, last);
    const removed = this.items.pop();
    if (removed) this.index.delete(removed.key);
    if (i < this.items.length) this.fix(i);
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  private up(i: number): boolean {
    let moved = false;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less((this.items[i] as { value: T }).value, (this.items[p] as { value: T }).value)) break;
      this.swap(i, p);
      i = p;
      moved = true;
    }
    return moved;
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less((this.items[l] as { value: T }).value, (this.items[m] as { value: T }).value)) m = l;
      if (r < n && this.less((this.items[r] as { value: T }).value, (this.items[m] as { value: T }).value)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    if (a === b) return;
    const x = this.items[a] as { key: string; value: T };
    const y = this.items[b] as { key: string; value: T };
    this.items[a] = y;
    this.items[b] = x;
    this.index.set(y.key, a);
    this.index.set(x.key, b);
  }
}
