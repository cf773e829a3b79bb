import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { WorkQueue } from './work-queue.js';

describe('WorkQueue', () => {
  it('hands out items in order and deduplicates waiting ones', async () => {
    const q = new WorkQueue();
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.len()).toBe(2);
    expect(await q.get()).toBe('a');
    expect(await q.get()).toBe('b');
    expect(q.len()).toBe(0);
  });

  it('never hands out an item twice at once; re-adds during processing wait for done()', async () => {
    const q = new WorkQueue();
    q.add('a');
    const item = await q.get();
    q.add('a');
    q.add('a');
    expect(q.len()).toBe(0);
    let second: string | undefined;
    void q.get().then((i) => (second = i));
    q.done(item as string);
    expect(q.len()).toBe(0);
    await Promise.resolve();
    expect(second).toBe('a');
  });

  it('wakes a waiting getter when an item arrives', async () => {
    const q = new WorkQueue();
    const pending = q.get();
    q.add('x');
    expect(await pending).toBe('x');
  });

  it('delays addAfter items until the clock reaches them, keeping the earliest deadline', async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    q.addAfter('a', 1000);
    q.addAfter('a', 300);
    q.addAfter('a', 5000);
    q.addAfter('b', 0);
    expect(q.len()).toBe(1);
    expect(await q.get()).toBe('b');
    clock.advance(299);
    await Promise.resolve();
    expect(q.len()).toBe(0);
    clock.advance(1);
    expect(await q.get()).toBe('a');
    clock.advance(10_000);
    await Promise.resolve();
    expect(q.len()).toBe(0);
  });

  it('requeues failures with per-item exponential backoff until forgotten', async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    q.add('a');
    for (const expected of [5, 10, 20]) {
      const item = (await q.get()) as string;
      q.addRateLimited(item); // the sync failed
      q.done(item);
      expect(clock.sleeps.at(-1)).toBe(expected);
      expect(q.len()).toBe(0);
      clock.advanceToNext();
    }
    expect(q.numRequeues('a')).toBe(3);
    const item = (await q.get()) as string;
    q.forget(item); // the sync succeeded
    q.done(item);
    expect(q.numRequeues('a')).toBe(0);
    q.addRateLimited('a');
    expect(clock.sleeps).toEqual([5, 10, 20, 5]);
  });

  it('shuts down: ignores adds, drains what is queued, then returns undefined', async () => {
    const clock = new FakeClock();
    const q = new WorkQueue({ clock });
    q.add('a');
    q.addAfter('late', 100);
    const idle = new WorkQueue();
    const waiting = idle.get();
    idle.shutDown();
    expect(await waiting).toBeUndefined();
    q.shutDown();
    q.add('b');
    expect(q.isShuttingDown()).toBe(true);
    expect(await q.get()).toBe('a');
    expect(await q.get()).toBeUndefined();
    expect(clock.pendingSleeps()).toBe(0);
  });

  it('shutDownWithDrain waits for items in process', async () => {
    const q = new WorkQueue();
    q.add('a');
    const item = (await q.get()) as string;
    let drained = false;
    const drain = q.shutDownWithDrain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    q.done(item);
    await drain;
    expect(drained).toBe(true);
  });
});
