/**
 * Serialises work on one host-wide thing (an image tag, a Docker network) across processes (two
 * kubelets, or a kubelet and the CLI, may ensure the same image at once) with an exclusive lock
 * file, and within a process with a map of work in flight. A lock left by a dead process is
 * taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const inFlight = new Map<string, Promise<unknown>>();

export interface HostLockOptions {
  /** Directory holding the lock files; defaults to <tmpdir>/kubelab-locks. */
  dir?: string;
  /** Give up after this long (ms). */
  timeoutMs?: number;
  pollMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function acquire(path: string, opts: Required<HostLockOptions>): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (holder > 0 && !processAlive(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for host lock ${path} (held by pid ${holder})`);
    // Waiting on another process's build: no event to wait on, so poll the lock file.
    await new Promise((r) => setTimeout(r, opts.pollMs));
  }
}

/** Runs fn while holding the build lock of `key` (an image reference). */
export async function withHostLock<T>(key: string, fn: () => Promise<T>, options: HostLockOptions = {}): Promise<T> {
  const opts: Required<HostLockOptions> = {
    dir: join(tmpdir(), 'kubelab-locks'),
    timeoutMs: 10 * 60_000,
    pollMs: 100,
    ...options,
  };
  const previous = inFlight.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    await mkdir(opts.dir, { recursive: true });
    const path = join(opts.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.lock`);
    await acquire(path, opts);
    try {
      return await fn();
    } finally {
      await rm(path, { force: true });
    }
  });
  inFlight.set(key, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === run) inFlight.delete(key);
  }
}
