import { describe, expect, it } from 'vitest';
import { FakeClock } from '@kubelab/api/testing';
import { ProbeTimeoutError } from './go-net-error.js';
import { withTimeout } from './probe-timeout.js';

describe('withTimeout', () => {
  it('returns the work result and cancels its timer', async () => {
    const clock = new FakeClock();
    await expect(withTimeout(clock, 1000, () => Promise.resolve(42))).resolves.toBe(42);
    expect(clock.pendingSleeps()).toBe(0);
  });

  it('aborts the work and rejects once the clock passes the timeout', async () => {
    const clock = new FakeClock();
    let aborted: unknown;
    const p = withTimeout(clock, 1000, (signal) => {
      signal.addEventListener('abort', () => (aborted = signal.reason));
      return new Promise<never>(() => {});
    });
    await clock.waitForSleepers(1);
    clock.advance(999);
    clock.advance(1);
    await expect(p).rejects.toBeInstanceOf(ProbeTimeoutError);
    expect(aborted).toBeInstanceOf(ProbeTimeoutError);
  });
});
