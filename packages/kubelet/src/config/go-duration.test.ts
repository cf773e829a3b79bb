import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['20s', 20_000],
    ['1m0s', 60_000],
    ['1h30m', 5_400_000],
    ['100ms', 100],
    ['1.5h', 5_400_000],
    ['-2s', -2000],
    ['+5m', 300_000],
    ['0', 0],
    ['0s', 0],
    ['1500us', 1.5],
    ['.5s', 500],
    ['4h0m0s', 14_400_000],
  ])('%s is %d ms', (s, ms) => {
    expect(parseGoDuration(s)).toBe(ms);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['-', 'time: invalid duration "-"'],
    ['20', 'time: missing unit in duration "20"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1.5.3s', 'time: missing unit in duration "1.5.3s"'],
  ])('refuses %j', (s, msg) => {
    expect(() => parseGoDuration(s)).toThrow(msg);
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [100, '100ms'],
    [20_000, '20s'],
    [60_000, '1m0s'],
    [300_000, '5m0s'],
    [14_400_000, '4h0m0s'],
    [1500, '1.5s'],
  ])('%d ms is %s', (ms, s) => {
    expect(formatGoDuration(ms)).toBe(s);
  });
});
