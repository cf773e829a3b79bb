/**
 * Reads a CRI log file as `kubectl logs` shows it (pkg/kubelet/kuberuntime/logs ReadLogs):
 * content only, or each message prefixed with its RFC3339NanoFixed timestamp; tailLines counts
 * file lines from the end; sinceTime drops older messages; limitBytes cuts the output; follow
 * waits for more lines until the writer is done (the container exited) and the file is drained.
 */
import { watch, type FSWatcher } from 'node:fs';
import { open } from 'node:fs/promises';
import { formatTimestampNanos, parseCriLine, parseTimestampNanos } from './cri-format.js';
import { findTailLineStart } from './log-tail.js';

export interface ReadCriLogOptions {
  /** Last n lines of the file; negative or absent: all. */
  tailLines?: number;
  /** Drop messages older than this (Date, or RFC 3339 text). */
  sinceTime?: Date | string;
  timestamps?: boolean;
  /** Stop after this many bytes of output. */
  limitBytes?: number;
  follow?: boolean;
  /** While following: is something still writing the file? Absent: follow until aborted. */
  isActive?: () => boolean | Promise<boolean>;
  signal?: AbortSignal;
}

const READ_CHUNK = 64 * 1024;
/** logForceCheckPeriod upstream: re-check the file even without a change event. */
const FORCE_CHECK_MS = 1000;

function sinceNanos(since: Date | string | undefined): bigint | undefined {
  if (since === undefined) return undefined;
  if (since instanceof Date) return BigInt(since.getTime()) * 1_000_000n;
  const n = parseTimestampNanos(since);
  if (n === undefined) throw new Error(`invalid sinceTime ${JSON.stringify(since)}`);
  return n;
}

/** Change notifications of one file, remembered between waits so none is missed. */
class FileChanges {
  private dirty = false;
  private wake: (() => void) | undefined;
  private readonly watcher: FSWatcher;

  constructor(path: string) {
    this.watcher = watch(path, { persistent: false });
    this.watcher.on('change', () => {
      this.dirty = true;
      this.wake?.();
    });
    this.watcher.on('error', () => this.wake?.());
  }

  /** Resolves at once if the file changed since the last call, else on a change, after FORCE_CHECK_MS, or on abort. */
  next(signal: AbortSignal | undefined): Promise<void> {
    if (this.dirty || signal?.aborted) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.dirty = false;
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, FORCE_CHECK_MS);
      this.wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  close(): void {
    this.watcher.close();
  }
}

export async function* readCriLog(path: string, opts: ReadCriLogOptions = {}): AsyncGenerator<Buffer> {
  const tail = opts.tailLines ?? -1;
  const since = sinceNanos(opts.sinceTime);
  let remain = opts.limitBytes !== undefined && opts.limitBytes >= 0 ? opts.limitBytes : Infinity;
  const limitedMode = tail >= 0 && !opts.follow;
  let limitedNum = tail;
  const handle = await open(path, 'r');
  let changes: FileChanges | undefined;
  try {
    let pos = await findTailLineStart(handle, tail);
    let pending = Buffer.alloc(0);
    let found = true;
    const buf = Buffer.alloc(READ_CHUNK);
    for (;;) {
      if (opts.signal?.aborted || (limitedMode && limitedNum <= 0)) return;
      const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, pos);
      pos += bytesRead;
      const lines: Buffer[] = [];
      if (bytesRead > 0) {
        const data = pending.length > 0 ? Buffer.concat([pending, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
        let start = 0;
        for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
          lines.push(data.subarray(start, nl + 1));
          start = nl + 1;
        }
        pending = Buffer.from(data.subarray(start));
      } else if (!opts.follow) {
        // End of file: an incomplete last line is still shown, as upstream does.
        if (pending.length > 0) lines.push(pending);
        pending = Buffer.alloc(0);
      }
      for (const line of lines) {
        if (limitedMode && limitedNum <= 0) return;
        const msg = parseCriLine(line);
        if (!msg) continue;
        if (limitedMode) limitedNum -= 1;
        if (since !== undefined && msg.nanos < since) continue;
        let out = opts.timestamps ? Buffer.concat([Buffer.from(`${formatTimestampNanos(msg.nanos)} `), msg.content]) : msg.content;
        if (out.length > remain) out = out.subarray(0, remain);
        remain -= out.length;
        if (out.length > 0) yield Buffer.from(out);
        if (remain <= 0) return;
      }
      if (bytesRead > 0) continue;
      if (!opts.follow) return;
      // At the end of the file while following.
      if (!found) return;
      if (opts.isActive && !(await opts.isActive())) {
        found = false; // drain once more, then stop
        continue;
      }
      if (!changes) {
        // Just started watching: a write may have landed before the watch, read again first.
        changes = new FileChanges(path);
        continue;
      }
      await changes.next(opts.signal);
    }
  } finally {
    changes?.close();
    await handle.close();
  }
}
