import { FakeClock } from '@kubelab/api/testing';
import { describe, expect, it } from 'vitest';
import { WakeTimer } from './wake-timer.js';

describe('WakeTimer', () => {
  it('ticks on a fixed schedule', async () => {
    const clock = new FakeClock(0);
    const timer = new WakeTimer(clock, 20_000);
    const signal = new AbortController().signal;
    const first = timer.wait(signal);
    await clock.waitForSleepers(1);
    expect(clock.sleeps).toEqual([20_000]);
    clock.advance(20_000);
    expect(await first).toBe('tick');
    clock.advance(3_000); // the work after a tick takes 3 s: the next tick is still at 40 s
    const second = timer.wait(signal);
    await clock.waitForSleepers(1);
    expect(clock.sleeps.at(-1)).toBe(17_000);
    clock.advance(17_000);
    expect(await second).toBe('tick');
  });

  it('wakes early on a poke, after the debounce, without shifting the ticks', async () => {
    const clock = new FakeClock(0);
    const timer = new WakeTimer(clock, 20_000);
    const signal = new AbortController().signal;
    const woken = timer.wait(signal);
    await clock.waitForSleepers(1);
    timer.poke(5, signal);
    timer.poke(5, signal); // merged into the first
    expect(clock.pendingSleeps()).toBe(2);
    clock.advance(5);
    expect(await woken).toBe('poke');
    expect(clock.pendingSleeps()).toBe(0);
    const next = timer.wait(signal);
    await clock.waitForSleepers(1);
    expect(clock.sleeps.at(-1)).toBe(19_995);
    clock.advance(19_995);
    expect(await next).toBe('tick');
  });

  it('keeps a poke that comes while nobody waits', async () => {
    const timer = new WakeTimer(new FakeClock(0), 20_000);
    timer.poke(0);
    expect(await timer.wait(new AbortController().signal)).toBe('poke');
  });

  it('returns on abort', async () => {
    const clock = new FakeClock(0);
    const timer = new WakeTimer(clock, 20_000);
    const ctl = new AbortController();
    const woken = timer.wait(ctl.signal);
    await clock.waitForSleepers(1);
    ctl.abort();
    expect(await woken).toBe('abort');
    expect(clock.pendingSleeps()).toBe(0);
  });
});
