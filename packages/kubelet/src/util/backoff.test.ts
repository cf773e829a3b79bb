import { describe, expect, it } from 'vitest';
import { FakeClock } from '@kubelab/api/testing';
import { Backoff, goDuration } from './backoff.js';

describe('Backoff', () => {
  it('restarts at once after the first crash, then waits 10s, 20s, 40s ... up to 300s', () => {
    const clock = new FakeClock(1_000_000);
    const b = new Backoff(clock, 10_000, 300_000);
    const key = 'uid_main';
    expect(b.isInBackOffSince(key, clock.now())).toBe(false);
    b.next(key, clock.now());
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const finishedAt = clock.now();
      expect(b.isInBackOffSince(key, finishedAt)).toBe(true);
      waits.push(b.get(key));
      clock.advance(b.get(key));
      expect(b.isInBackOffSince(key, finishedAt)).toBe(false);
      b.next(key, finishedAt);
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('forgets a key untouched for twice the maximum', () => {
    const clock = new FakeClock(0);
    const b = new Backoff(clock, 10_000, 300_000);
    b.next('k', 0);
    b.next('k', 0);
    expect(b.get('k')).toBe(20_000);
    clock.advance(600_001);
    b.next('k', clock.now());
    expect(b.get('k')).toBe(10_000);
  });

  it('ends a pull backoff its delay after the last failure (IsInBackOffSinceUpdate)', () => {
    const clock = new FakeClock(0);
    const b = new Backoff(clock, 10_000, 300_000);
    b.next('img', clock.now());
    clock.advance(9_000);
    expect(b.isInBackOffSinceUpdate('img', clock.now())).toBe(true);
    clock.advance(1_000);
    expect(b.isInBackOffSinceUpdate('img', clock.now())).toBe(false);
  });

  it('formats durations as Go does', () => {
    expect(goDuration(10_000)).toBe('10s');
    expect(goDuration(80_000)).toBe('1m20s');
    expect(goDuration(300_000)).toBe('5m0s');
  });
});
