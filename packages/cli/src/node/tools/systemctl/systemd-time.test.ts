import { describe, expect, it } from 'vitest';
import { formatBytes, formatTimespan, formatTimestampRelative } from './systemd-time.js';

const NOW = new Date('2025-11-27T12:00:00Z');
const ago = (ms: number): string => formatTimestampRelative(new Date(NOW.getTime() - ms), NOW);

describe('systemd relative timestamps', () => {
  it.each([
    [0, 'now'],
    [500, '500ms ago'],
    [42_000, '42s ago'],
    [62_000, '1min 2s ago'],
    [5 * 60_000, '5min ago'],
    [61 * 60_000, '1h 1min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
    [8 * 86_400_000, '1 week 1 day ago'],
  ])('%d ms → %s', (ms, text) => {
    expect(ago(ms)).toBe(text);
  });
});

describe('systemd timespans and sizes', () => {
  it('formats CPU time at millisecond accuracy', () => {
    expect(formatTimespan(1532)).toBe('1.532s');
    expect(formatTimespan(1500)).toBe('1.5s');
    expect(formatTimespan(2000)).toBe('2s');
    expect(formatTimespan(250)).toBe('250ms');
    expect(formatTimespan(123_500)).toBe('2min 3.5s');
  });

  it('formats memory in base 1024 with one truncated decimal', () => {
    expect(formatBytes(61_132_800)).toBe('58.3M');
    expect(formatBytes(7 * 1024 * 1024)).toBe('7.0M');
    expect(formatBytes(512)).toBe('512B');
  });
});
