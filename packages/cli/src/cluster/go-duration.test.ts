import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './go-duration.js';

describe('formatGoDuration', () => {
  it('prints as Go does', () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(240_000)).toBe('4m0s');
    expect(formatGoDuration(60_000)).toBe('1m0s');
    expect(formatGoDuration(1002.154512)).toBe('1.002154512s');
    expect(formatGoDuration(402.5)).toBe('402.5ms');
    expect(formatGoDuration(3_723_000)).toBe('1h2m3s');
    expect(formatGoDuration(0.25)).toBe('250µs');
  });
});
