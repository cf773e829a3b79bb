/**
 * Writes every container's output into its CRI log file by following the runtime's log stream,
 * as containerd's shim does for a CRI runtime. One follower per container instance; the file
 * outlives the container. After a kubelet restart a follower resumes after the last line the
 * file holds (same timestamp lines are counted, so nothing is written twice).
 */
import { mkdir, open, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '@kubelab/api';
import { formatCriLines, parseTimestampNanos, type LogEntry } from './cri-format.js';
import { readResumePoint } from './log-tail.js';

/** The runtime side: a container's log entries from `sinceNanos` (inclusive) until it exits. */
export interface ContainerLogSource {
  streamLogs(containerId: string, opts: { sinceNanos?: bigint; signal: AbortSignal }): AsyncIterable<LogEntry>;
}

export interface LogWriterManagerOptions {
  source: ContainerLogSource;
  logger: Logger;
  /** Attempts per container before giving up on a failing stream. */
  maxAttempts?: number;
}

interface Follower {
  logPath: string;
  done: Promise<void>;
  abort: AbortController;
}

export class LogWriterManager {
  private readonly followers = new Map<string, Follower>();
  private readonly completed = new Set<string>();
  private readonly failures = new Map<string, number>();
  private closed = false;

  constructor(private readonly opts: LogWriterManagerOptions) {}

  /**
   * Starts following a started (running or already exited) container into logPath. Idempotent:
   * a container being followed, or whose stream already ended in this process, is left alone.
   */
  follow(containerId: string, logPath: string): void {
    if (this.closed || this.followers.has(containerId) || this.completed.has(containerId)) return;
    const abort = new AbortController();
    const follower: Follower = { logPath, abort, done: Promise.resolve() };
    follower.done = this.run(containerId, logPath, abort.signal)
      .then(() => {
        this.completed.add(containerId);
        this.failures.delete(containerId);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        const attempts = (this.failures.get(containerId) ?? 0) + 1;
        this.failures.set(containerId, attempts);
        this.opts.logger.warn('Failed to follow container logs', { containerID: containerId, path: logPath, attempts, err: String(err) });
        if (attempts >= (this.opts.maxAttempts ?? 3)) this.completed.add(containerId);
      })
      .finally(() => {
        if (this.followers.get(containerId) === follower) this.followers.delete(containerId);
      });
    this.followers.set(containerId, follower);
  }

  /** True while a follower appends to this file (the reader's "container still running"). */
  isWriting(logPath: string): boolean {
    for (const f of this.followers.values()) if (f.logPath === logPath) return true;
    return false;
  }

  isFollowing(containerId: string): boolean {
    return this.followers.has(containerId);
  }

  /** Waits for the follower of a container to finish (its stream ends when the container exits). */
  async wait(containerId: string, timeoutMs = 5000): Promise<void> {
    const f = this.followers.get(containerId);
    if (!f) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        f.abort.abort();
        resolve();
      }, timeoutMs);
    });
    await Promise.race([f.done, timeout]);
    clearTimeout(timer);
  }

  /** Forgets a removed container. */
  forget(containerId: string): void {
    this.followers.get(containerId)?.abort.abort();
    this.completed.delete(containerId);
    this.failures.delete(containerId);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.followers.values()];
    for (const f of all) f.abort.abort();
    await Promise.all(all.map((f) => f.done));
  }

  private async run(containerId: string, logPath: string, signal: AbortSignal): Promise<void> {
    await mkdir(dirname(logPath), { recursive: true });
    const point = await readResumePoint(logPath);
    const size = await stat(logPath).then((s) => s.size, () => 0);
    // A kubelet killed mid-write leaves half a line: drop it, its entry is read again.
    if (size > point.validLength) await truncate(logPath, point.validLength);
    const handle = await open(logPath, 'a');
    let skip = point.linesAtLast;
    try {
      for await (const entry of this.opts.source.streamLogs(containerId, { sinceNanos: point.lastNanos, signal })) {
        const lines = formatCriLines(entry);
        if (point.lastNanos !== undefined) {
          const nanos = parseTimestampNanos(entry.timestamp);
          if (nanos !== undefined && nanos < point.lastNanos) continue;
          if (nanos === point.lastNanos && skip > 0) {
            skip -= lines.length;
            continue;
          }
        }
        await handle.write(lines.length === 1 && lines[0] ? lines[0] : Buffer.concat(lines));
      }
    } finally {
      await handle.close();
    }
  }
}
