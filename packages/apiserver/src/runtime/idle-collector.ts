/**
 * Gives the garbage of a burst of requests back to the system once the server goes quiet.
 *
 * V8 collects its old space when it grows past a limit, and a burst raises that limit: after
 * 10,000 pod creates the server's heap held 92 MB for 34 MB of live objects, and still held it
 * 45 s later, resident the whole time. Browsers tell V8 when they are idle so that it can shrink
 * the heap; Node.js does not. So the server does it: when its event loop has been nearly idle
 * for a whole interval and the heap has grown by a good margin since the last collection, it
 * runs one full collection, which returns the freed pages (with 10,000 pods: 190 MB resident
 * -> 133 MB).
 *
 * A full collection pauses the server for tens of milliseconds, so it never runs under load,
 * and at most once per `minGrowthBytes` of growth.
 */
import { Session } from 'node:inspector';
import { getHeapStatistics } from 'node:v8';
import type { Logger } from '@kubelab/api';

export interface HeapControl {
  /**
   * Bytes the V8 heap holds from the system: its committed spaces and the memory outside it
   * that its objects own (Buffers). A burst grows both; a LIST of 10,000 pods mostly grows
   * the young generation's committed size and the Buffers awaiting collection.
   */
  held(): number;
  /** A full garbage collection that also gives the freed pages back to the system. */
  collect(): Promise<void>;
}

export interface IdleCollectorOptions {
  heap: HeapControl;
  /** The share of time the event loop was busy since the last call, 0..1 (default: Node's own). */
  loopUtilization?: () => number;
  logger: Logger;
  /** How often to look; default 500 ms. */
  intervalMs?: number;
  /**
   * Below this busy share, the interval was quiet; default 0.1. An idle cluster's probes and
   * lease renewals are a few short requests a second; one LIST after another is never quiet.
   */
  quietUtilization?: number;
  /** Growth since the last collection that is worth one; default 16 MB. */
  minGrowthBytes?: number;
}

export interface IdleState {
  /** What the heap holds now (HeapControl.held). */
  held: number;
  /** What it held right after the last collection (or when the collector started). */
  baseline: number;
  /** The event loop's busy share over the last interval. */
  utilization: number;
}

/** Collect now? Only when quiet, and only when the heap grew by at least minGrowthBytes. */
export function shouldCollect(
  s: IdleState,
  quietUtilization: number,
  minGrowthBytes: number,
): boolean {
  return s.utilization < quietUtilization && s.held - s.baseline >= minGrowthBytes;
}

/** Node's event loop utilization since the previous call. */
export function eventLoopBusyShare(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return share;
  };
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private baseline: number;
  private collecting = false;
  private readonly utilization: () => number;

  constructor(private readonly opts: IdleCollectorOptions) {
    this.baseline = opts.heap.held();
    this.utilization = opts.loopUtilization ?? eventLoopBusyShare();
  }

  start(): void {
    this.timer ??= setInterval(() => {
      if (this.collecting) return;
      this.tick().catch((err: unknown) =>
        this.opts.logger.error('Idle garbage collection failed', err),
      );
    }, this.opts.intervalMs ?? 500);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One look: collects when shouldCollect says so. Returns whether it did. */
  async tick(): Promise<boolean> {
    const state: IdleState = {
      held: this.opts.heap.held(),
      baseline: this.baseline,
      utilization: this.utilization(),
    };
    const minGrowth = this.opts.minGrowthBytes ?? 16 << 20;
    if (!shouldCollect(state, this.opts.quietUtilization ?? 0.1, minGrowth)) {
      // The heap may also shrink by V8's own collections: follow it down.
      this.baseline = Math.min(this.baseline, state.held);
      return false;
    }
    const started = performance.now();
    this.collecting = true;
    try {
      await this.opts.heap.collect();
    } finally {
      this.collecting = false;
    }
    this.baseline = this.opts.heap.held();
    this.opts.logger.info('Collected garbage while idle', {
      heapBeforeMB: Math.round(state.held / 1e5) / 10,
      heapAfterMB: Math.round(this.baseline / 1e5) / 10,
      pauseMs: Math.round(performance.now() - started),
    });
    return true;
  }
}

/**
 * This process's V8 heap. The collection is the inspector's HeapProfiler.collectGarbage, in
 * process (no port is opened): V8's low-memory collection, which also shrinks the young
 * generation and releases the pages that a plain gc() keeps committed.
 */
export function v8HeapControl(): HeapControl {
  const session = new Session();
  session.connect();
  return {
    held: () => {
      const h = getHeapStatistics();
      return h.total_heap_size + h.external_memory;
    },
    collect: () =>
      new Promise<void>((resolve, reject) =>
        session.post('HeapProfiler.collectGarbage', (err) => (err ? reject(err) : resolve())),
      ),
  };
}
