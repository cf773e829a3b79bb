import { describe, expect, it } from 'vitest';
import { FakeClock } from '@kubelab/api/testing';
import { wakeableSleep } from './wakeable-sleep.js';

describe('wakeableSleep', () => {
  it('ends on time, on wake, or when the outer signal aborts, leaving nothing pending', async () => {
    const clock = new FakeClock(0);
    const outer = new AbortController();
    const a = wakeableSleep(clock, 1000, outer.signal);
    a.wake();
    await a.done;
    expect(clock.pendingSleeps()).toBe(0);
    const b = wakeableSleep(clock, 1000, outer.signal);
    await clock.waitForSleepers(1);
    clock.advance(1000);
    await b.done;
    const c = wakeableSleep(clock, 1000, outer.signal);
    outer.abort();
    await c.done;
    expect(clock.pendingSleeps()).toBe(0);
  });
});
