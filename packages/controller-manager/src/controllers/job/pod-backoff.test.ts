import type { Pod } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { nextBackoffRecord, remainingBackoffMs } from './pod-backoff.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const finishedAt = (ms: number): Pod => ({
  spec: { containers: [] },
  status: {
    containerStatuses: [
      {
        name: 'c',
        image: 'i',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: 1, finishedAt: new Date(ms).toISOString() } },
      },
    ],
  },
});

describe('pod failure backoff', () => {
  it('waits 10 s after one failure, doubling per failure, capped at 6 minutes', () => {
    const one = nextBackoffRecord(undefined, [], [finishedAt(T0)]);
    expect(one).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: T0 });
    expect(remainingBackoffMs(one, T0 + 4_000)).toBe(6_000);
    expect(remainingBackoffMs(one, T0 + 11_000)).toBe(0);
    const three = nextBackoffRecord(one, [], [finishedAt(T0 + 1000), finishedAt(T0 + 2000)]);
    expect(remainingBackoffMs(three, T0 + 2000)).toBe(40_000);
    const many = { failuresAfterLastSuccess: 20, lastFailureTime: T0 };
    expect(remainingBackoffMs(many, T0)).toBe(360_000);
  });

  it('counts only failures after the last success', () => {
    const rec = nextBackoffRecord(
      { failuresAfterLastSuccess: 4, lastFailureTime: T0 },
      [finishedAt(T0 + 5000)],
      [finishedAt(T0 + 1000), finishedAt(T0 + 7000)],
    );
    expect(rec).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: T0 + 7000 });
    expect(nextBackoffRecord(rec, [finishedAt(T0 + 9000)], [])).toEqual({
      failuresAfterLastSuccess: 0,
    });
    expect(remainingBackoffMs(undefined, T0)).toBe(0);
  });
});
