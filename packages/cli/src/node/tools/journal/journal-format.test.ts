import { describe, expect, it } from 'vitest';
import { formatJournalEntry, parseKlogHeader, shortTime, toJournalEntries } from './journal-format.js';

const NOW = new Date('2025-11-28T00:00:00Z');

describe('journal lines of the kubelet log', () => {
  it('takes time and PID from the klog header', () => {
    const h = parseKlogHeader('I1127 23:39:58.123456    4242 server.go:1] "Started kubelet"', NOW);
    expect(h).toEqual({ at: new Date('2025-11-27T23:39:58.123Z'), pid: 4242 });
  });

  it('puts a December line of a January reading in the previous year', () => {
    expect(parseKlogHeader('E1231 23:00:00.000000       7 x.go:1] boom', new Date('2026-01-01T01:00:00Z'))?.at.getUTCFullYear()).toBe(2025);
  });

  it('formats entries journal-style; lines without a header take the previous one', () => {
    const entries = toJournalEntries(['I1127 23:39:58.123456    4242 server.go:1] "Started kubelet"', 'goroutine 1 [running]:'], { fallback: { at: NOW, pid: 1 }, now: NOW });
    const time = shortTime(new Date('2025-11-27T23:39:58Z'));
    expect(entries.map((e) => formatJournalEntry(e, { hostname: 'kubelab-worker' }))).toEqual([
      `${time} kubelab-worker kubelet[4242]: I1127 23:39:58.123456    4242 server.go:1] "Started kubelet"\n`,
      `${time} kubelab-worker kubelet[4242]: goroutine 1 [running]:\n`,
    ]);
    expect(formatJournalEntry(entries[0] ?? { at: NOW, pid: 0, message: '' }, { hostname: 'h', output: 'cat' })).toBe('I1127 23:39:58.123456    4242 server.go:1] "Started kubelet"\n');
  });

  it('uses %b %d %H:%M:%S with a zero-padded day', () => {
    expect(shortTime(new Date(2025, 10, 7, 3, 4, 5))).toBe('Nov 07 03:04:05');
  });
});
