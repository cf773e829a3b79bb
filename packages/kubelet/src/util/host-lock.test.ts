import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withHostLock } from './host-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelab-lock-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lockFile = (key: string): string => join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.lock`);

describe('withHostLock', () => {
  it('runs builds of one tag one at a time and removes the lock afterwards', async () => {
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    const build = (n: number) => async (): Promise<number> => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await Promise.resolve();
      order.push(n);
      active -= 1;
      return n;
    };
    const results = await Promise.all([1, 2, 3].map((n) => withHostLock('busybox:latest', build(n), { dir })));
    expect(results).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(maxActive).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock left by a dead process', async () => {
    writeFileSync(lockFile('pause:dead'), '999999999');
    expect(await withHostLock('pause:dead', () => Promise.resolve('built'), { dir })).toBe('built');
    expect(existsSync(lockFile('pause:dead'))).toBe(false);
  });

  it('waits for a live holder and gives up after the timeout', async () => {
    writeFileSync(lockFile('pause:held'), String(process.pid));
    await expect(withHostLock('pause:held', () => Promise.resolve(1), { dir, timeoutMs: 0, pollMs: 1 })).rejects.toThrow(
      /timed out waiting for host lock/,
    );
    rmSync(lockFile('pause:held'));
  });

  it('releases the lock when the build fails', async () => {
    await expect(withHostLock('x:1', () => Promise.reject(new Error('boom')), { dir })).rejects.toThrow('boom');
    expect(await withHostLock('x:1', () => Promise.resolve('ok'), { dir })).toBe('ok');
  });
});
