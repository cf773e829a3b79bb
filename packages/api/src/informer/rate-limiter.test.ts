import { describe, expect, it } from 'vitest';
import { ItemExponentialFailureRateLimiter } from './rate-limiter.js';

describe('ItemExponentialFailureRateLimiter', () => {
  it('doubles per failure of each item from 5 ms and caps at 1000 s', () => {
    const rl = new ItemExponentialFailureRateLimiter<string>();
    expect([rl.when('a'), rl.when('a'), rl.when('a'), rl.when('b')]).toEqual([5, 10, 20, 5]);
    expect(rl.numRequeues('a')).toBe(3);
    for (let i = 0; i < 30; i++) rl.when('a');
    expect(rl.when('a')).toBe(1_000_000);
  });

  it('starts over after forget', () => {
    const rl = new ItemExponentialFailureRateLimiter<string>(100, 1000);
    expect([rl.when('a'), rl.when('a'), rl.when('a'), rl.when('a'), rl.when('a')]).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    rl.forget('a');
    expect(rl.numRequeues('a')).toBe(0);
    expect(rl.when('a')).toBe(100);
  });
});
