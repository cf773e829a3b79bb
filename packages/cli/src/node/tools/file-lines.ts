/**
 * Line reading shared by `crictl logs` and `journalctl`: where the last N lines of a file
 * start (read backwards, so a long log costs little), and the lines from an offset on,
 * following the file as `tail -f` does (change events plus a 1 s re-check) until aborted or
 * until the writer is gone.
 */
import { watch, type FSWatcher } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const CHUNK = 64 * 1024;
const RECHECK_MS = 1000;

/** Byte offset at which the last `n` lines of the file start; n < 0: 0 (all lines). */
export async function tailOffset(handle: FileHandle, n: number): Promise<number> {
  const size = (await handle.stat()).size;
  if (n < 0) return 0;
  if (n === 0) return size;
  let pos = size;
  let newlines = 0;
  let first = true;
  const buf = Buffer.alloc(CHUNK);
  while (pos > 0) {
    const len = Math.min(CHUNK, pos);
    pos -= len;
    await handle.read(buf, 0, len, pos);
    for (let i = len - 1; i >= 0; i--) {
      if (buf[i] !== 0x0a) continue;
      // A newline ending the file ends the last line; it does not start one.
      if (first && pos + i === size - 1) continue;
      newlines += 1;
      if (newlines === n) return pos + i + 1;
    }
    first = false;
  }
  return 0;
}

export interface ReadLinesOptions {
  /** Start at the last n lines (default: all). */
  tail?: number;
  follow?: boolean;
  signal?: AbortSignal;
  /** While following: is anything still writing? When it says no, the rest is read and reading stops. */
  writerActive?: () => Promise<boolean>;
}

function waitForChange(watcher: FSWatcher | undefined, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      watcher?.off('change', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, RECHECK_MS);
    watcher?.on('change', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Lines (each with its '\n', the last one maybe without) of the file. */
export async function* readLines(path: string, opts: ReadLinesOptions = {}): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  let watcher: FSWatcher | undefined;
  try {
    let pos = await tailOffset(handle, opts.tail ?? -1);
    let pending = Buffer.alloc(0);
    let draining = false;
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      if (opts.signal?.aborted) return;
      const { bytesRead } = await handle.read(buf, 0, CHUNK, pos);
      if (bytesRead > 0) {
        pos += bytesRead;
        const data = Buffer.concat([pending, buf.subarray(0, bytesRead)]);
        let start = 0;
        for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
          yield Buffer.from(data.subarray(start, nl + 1));
          start = nl + 1;
        }
        pending = Buffer.from(data.subarray(start));
        continue;
      }
      if (!opts.follow || draining) {
        if (pending.length > 0) yield pending;
        return;
      }
      if ((await handle.stat()).size < pos) pos = 0; // truncated: start over, as tail -F
      if (!watcher) {
        watcher = watch(path, { persistent: false });
        watcher.on('error', () => undefined);
        continue; // a write may have landed before the watch started
      }
      await waitForChange(watcher, opts.signal);
      if (opts.writerActive && !(await opts.writerActive())) draining = true;
    }
  } finally {
    watcher?.close();
    await handle.close();
  }
}
