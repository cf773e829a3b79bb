import { describe, expect, it } from 'vitest';
import { noopLogger } from '@kubelab/api';
import {
  eventLoopBusyShare,
  IdleCollector,
  shouldCollect,
  v8HeapControl,
  type HeapControl,
} from './idle-collector.js';

const MB = 1 << 20;

describe('shouldCollect', () => {
  it.each([
    ['quiet and grown', { held: 60 * MB, baseline: 30 * MB, utilization: 0 }, true],
    ['quiet, a few probes', { held: 60 * MB, baseline: 30 * MB, utilization: 0.02 }, true],
    ['busy', { held: 60 * MB, baseline: 30 * MB, utilization: 0.1 }, false],
    ['quiet but not grown enough', { held: 45 * MB, baseline: 30 * MB, utilization: 0 }, false],
  ])('%s', (_name, state, want) => {
    expect(shouldCollect(state, 0.1, 16 * MB)).toBe(want);
  });
});

class FakeHeap implements HeapControl {
  heldBytes = 30 * MB;
  live = 30 * MB;
  collections = 0;
  held(): number {
    return this.heldBytes;
  }
  collect(): Promise<void> {
    this.collections++;
    this.heldBytes = this.live;
    return Promise.resolve();
  }
}

describe('IdleCollector', () => {
  it('collects once after a burst has ended, and not again until the heap grows again', async () => {
    const heap = new FakeHeap();
    let busy = 0.9;
    const c = new IdleCollector({ heap, loopUtilization: () => busy, logger: noopLogger });
    // A burst: a busy loop while the heap grows.
    for (let i = 0; i < 5; i++) {
      heap.heldBytes += 20 * MB;
      expect(await c.tick()).toBe(false);
    }
    busy = 0.01;
    heap.live = 40 * MB;
    expect(await c.tick()).toBe(true);
    expect(heap.heldBytes).toBe(40 * MB);
    // Quiet with a little garbage: nothing to do.
    heap.heldBytes += 10 * MB;
    expect(await c.tick()).toBe(false);
    expect(heap.collections).toBe(1);
  });

  it('follows the heap down when V8 collects by itself', async () => {
    const heap = new FakeHeap();
    heap.heldBytes = 80 * MB;
    const c = new IdleCollector({ heap, loopUtilization: () => 0, logger: noopLogger });
    heap.heldBytes = 20 * MB;
    expect(await c.tick()).toBe(false);
    // 50 MB is below where it started, but 30 MB above where V8 left it.
    heap.heldBytes = 50 * MB;
    expect(await c.tick()).toBe(true);
  });

  it("measures this process's event loop", async () => {
    const share = eventLoopBusyShare();
    const until = performance.now() + 60;
    while (performance.now() < until);
    expect(share()).toBeGreaterThan(0.5);
    await new Promise((r) => setTimeout(r, 60));
    expect(share()).toBeLessThan(0.5);
  });

  it("collects this process's real heap", async () => {
    const heap = v8HeapControl();
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({
      i,
      s: `item ${i}`,
    }));
    const grown = heap.held();
    garbage = undefined;
    await heap.collect();
    expect(garbage).toBeUndefined();
    expect(heap.held()).toBeLessThan(grown - 5 * MB);
  });
});
