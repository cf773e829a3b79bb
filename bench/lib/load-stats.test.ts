import { describe, expect, it } from 'vitest';
import { percentile, SampleBuffer, summarize } from './load-stats.js';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(s, 50)).toBe(5);
    expect(percentile(s, 99)).toBe(10);
    expect(percentile(s, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts numerically and reports mean and max', () => {
    const buf = new SampleBuffer();
    for (const v of [10, 2, 33, 4]) buf.push(v);
    expect(summarize(buf.values())).toEqual({
      count: 4,
      p50: 4,
      p90: 33,
      p99: 33,
      max: 33,
      mean: 12.25,
    });
  });

  it('grows past its initial capacity', () => {
    const buf = new SampleBuffer();
    for (let i = 0; i < 5000; i++) buf.push(i);
    expect(buf.length).toBe(5000);
    expect(summarize(buf.values()).max).toBe(4999);
  });
});
