import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('starts at 200 ms, doubles and caps at 30 s', () => {
    const delays = Array.from({ length: 10 }, (_, i) => backoffDelay(i, { random: () => 0 }));
    expect(delays).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
  });

  it('takes up to the jitter fraction off, never exceeding the cap', () => {
    expect(backoffDelay(0, { random: () => 0.5 })).toBe(180);
    expect(backoffDelay(20, { random: () => 0.999 })).toBe(24006);
    expect(backoffDelay(20, { jitter: 0, random: () => 0.999 })).toBe(30000);
  });

  it('honours custom bounds and factor', () => {
    const o = { initialMs: 1000, maxMs: 5000, factor: 3, jitter: 0 };
    expect([0, 1, 2].map((i) => backoffDelay(i, o))).toEqual([1000, 3000, 5000]);
  });
});

describe('Backoff', () => {
  it('grows per call and starts over after reset', () => {
    const b = new Backoff({ random: () => 0 });
    expect([b.next(), b.next(), b.next()]).toEqual([200, 400, 800]);
    expect(b.attempts).toBe(3);
    b.reset();
    expect(b.next()).toBe(200);
  });
});
