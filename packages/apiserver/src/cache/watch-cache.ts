/**
 * The event window watches resume from (upstream storage/cacher/watch_cache.go): a ring buffer
 * of the newest events under one prefix, plus `floor`, the rv at and below which events may be
 * missing (the last evicted event, or where the persisted history was trimmed). A watch from
 * rv N can be served exactly when N >= floor; otherwise it gets 410 "too old resource version".
 * With one cluster-wide rv and per-prefix windows the floor is the last evicted rv, not upstream's
 * `oldest - 1`, which would refuse resumable rvs between the two.
 */
import { RingBuffer } from '../storage/ring-buffer.js';
import { tooOldResourceVersion } from '../storage/storage-errors.js';
import type { WatchCacheEvent } from './types.js';

export class WatchCache {
  private readonly ring: RingBuffer<WatchCacheEvent>;
  private floorRv: number;

  constructor(capacity: number, floorRv: number) {
    this.ring = new RingBuffer(capacity);
    this.floorRv = floorRv;
  }

  /** The oldest rv a watch can resume from. */
  get floor(): number {
    return this.floorRv;
  }

  get length(): number {
    return this.ring.length;
  }

  push(ev: WatchCacheEvent): void {
    const evicted = this.ring.push(ev);
    if (evicted) this.floorRv = Math.max(this.floorRv, evicted.rv);
  }

  /** Every kept event with rv > fromRv, in order; throws Expired when some may be missing. */
  since(fromRv: number, key: string): WatchCacheEvent[] {
    if (fromRv < this.floorRv) throw tooOldResourceVersion(key, fromRv, this.floorRv);
    return this.ring.slice(this.ring.findFirst((ev) => ev.rv > fromRv));
  }
}
