import { FakeClock, RecordingLogger } from '@kubelab/api/testing';
import { describe, expect, it } from 'vitest';
import { slowDockerMessage, warnWhenDockerIsSlow } from './slow-docker.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('warnWhenDockerIsSlow', () => {
  it('warns once when Docker has not answered in time, and still waits for the answer', async () => {
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    const answer = deferred<string>();
    const result = warnWhenDockerIsSlow(() => answer.promise, { clock, logger, afterMs: 30_000 });
    await clock.waitForSleepers(1);
    clock.advance(29_999);
    expect(logger.at('warn')).toEqual([]);
    clock.advance(1);
    await Promise.resolve();
    expect(logger.at('warn').map((e) => e.msg)).toEqual([slowDockerMessage(30_000)]);
    answer.resolve('removed');
    await expect(result).resolves.toBe('removed');
    expect(logger.at('warn')).toHaveLength(1);
  });

  it('says nothing, and leaves no timer behind, when Docker answers in time', async () => {
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    await expect(warnWhenDockerIsSlow(async () => 'removed', { clock, logger })).resolves.toBe('removed');
    expect(clock.pendingSleeps()).toBe(0);
    expect(logger.entries).toEqual([]);
  });

  it('passes a failure on, and cancels the warning', async () => {
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    await expect(warnWhenDockerIsSlow(() => Promise.reject(new Error('boom')), { clock, logger })).rejects.toThrow('boom');
    expect(clock.pendingSleeps()).toBe(0);
  });
});
