/**
 * `kubelab create cluster` as a user runs it: its own process (`node kubelab.mjs …`, stdout a
 * pipe, so the plain phase lines), timed from just before spawn() to its exit. Every output
 * line is stamped with the time it was read, which is where the phase breakdown comes from.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { BenchEnv } from './cluster-env.js';
import type { TimedLine } from './cluster-stats.js';

export interface CreateRun {
  /** Epoch ms (sub-ms precision) just before spawn(). */
  t0: number;
  code: number;
  /** ms from spawn to the exit event. */
  exitMs: number;
  lines: TimedLine[];
  stderr: string;
  pid: number | undefined;
}

export const now = (): number => performance.timeOrigin + performance.now();

const live = new Set<ChildProcess>();

/** Stops every CLI process still running (on an interrupted run, before the clusters are deleted). */
export async function stopLiveCreates(
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          if (!child.kill(signal) || child.exitCode !== null) {
            clearTimeout(timer);
            resolve();
          }
        }),
    ),
  );
}

export function killLiveCreatesSync(): void {
  for (const child of live) child.kill('SIGKILL');
}

export function createArgs(name: string, workers: number, wait: string): string[] {
  return ['create', 'cluster', '--name', name, '--workers', String(workers), '--wait', wait];
}

export function runCreate(
  bench: BenchEnv,
  args: string[],
  onSpawn?: (t0: number) => void,
): Promise<CreateRun> {
  return new Promise((resolve) => {
    const lines: TimedLine[] = [];
    let stderr = '';
    let partial = '';
    const t0 = now();
    const child = spawn(process.execPath, [bench.cli, ...args], {
      env: bench.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    onSpawn?.(t0);
    child.stdout.on('data', (d: Buffer) => {
      const ms = now() - t0;
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ ms, text });
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let exitMs: number | undefined;
    let code = -1;
    // The time is the process's exit; the result waits for its pipes to drain ('close').
    child.on('exit', (c) => {
      live.delete(child);
      exitMs = now() - t0;
      code = c ?? -1;
    });
    child.on('error', (err) => (stderr += String(err)));
    child.on('close', () => {
      const end = exitMs ?? now() - t0;
      if (partial) lines.push({ ms: end, text: partial });
      resolve({ t0, code, exitMs: end, lines, stderr, pid: child.pid });
    });
  });
}
