import { describe, expect, it } from 'vitest';
import { decodeLogEntry, encodeLogEntry, planTrim } from './event-log.js';
import { logKey } from './keys.js';
import { decodeStoredValue, encodeStoredValue } from './stored-value.js';

describe('event log', () => {
  it('round-trips entries whose JSON contains newlines in strings', () => {
    const ev = {
      type: 'MODIFIED' as const,
      key: '/registry/pods/a/b',
      rv: 42,
      json: JSON.stringify({ a: 'x\ny' }),
    };
    expect(decodeLogEntry(encodeLogEntry(ev))).toEqual(ev);
    expect(() => decodeLogEntry('12\nBOGUS\n/k\n{}')).toThrow('corrupt event log entry');
  });

  it('orders log keys numerically', () => {
    expect(logKey(9) < logKey(10)).toBe(true);
    expect(logKey(99999) < logKey(100000)).toBe(true);
  });

  it('plans trimming to the newest historySize entries', () => {
    // The log held 1..10 and 11..12 are being written, keeping 5: drop 1..7, nothing new dropped.
    expect(planTrim(0, 11, 12, 5)).toEqual({ droppedRv: 7, deleteFrom: 0, deleteTo: 7 });
    // Below the limit: nothing to do.
    expect(planTrim(0, 3, 4, 5)).toEqual({ droppedRv: 0, deleteFrom: 0, deleteTo: 0 });
    // A group larger than the history: entries of the group itself are dropped (never written).
    expect(planTrim(2, 8, 20, 5)).toEqual({ droppedRv: 15, deleteFrom: 2, deleteTo: 7 });
  });

  it('round-trips stored values', () => {
    expect(decodeStoredValue('/k', encodeStoredValue(7, '{"a":1}'))).toEqual({
      key: '/k',
      rv: 7,
      json: '{"a":1}',
    });
    expect(() => decodeStoredValue('/k', '{"a":1}')).toThrow('corrupt stored value');
  });
});
