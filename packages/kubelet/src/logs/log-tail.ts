/**
 * Reading a log file from its end: where the last n lines start (pkg/util/tail's
 * FindTailLineStartIndex: an incomplete last line does not count), and where a writer that
 * was interrupted resumes (the last timestamp and how many lines already carry it).
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { parseCriLine } from './cri-format.js';

const CHUNK = 64 * 1024;

/**
 * Offset of the start of the last n complete lines of the first `length` bytes (default: the
 * whole file); 0 when n < 0 or there are fewer lines. n = 0 gives the end of the last complete line.
 */
export async function findTailLineStart(handle: FileHandle, n: number, length?: number): Promise<number> {
  if (n < 0) return 0;
  let end = length ?? (await handle.stat()).size;
  let newlines = 0;
  const buf = Buffer.alloc(CHUNK);
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const { bytesRead } = await handle.read(buf, 0, end - start, start);
    for (let i = bytesRead - 1; i >= 0; i--) {
      // The (n+1)-th newline from the end closes the line before the last n.
      if (buf[i] === 0x0a && ++newlines === n + 1) return start + i + 1;
    }
    end = start;
  }
  return 0;
}

export interface ResumePoint {
  /** Length of the file up to its last complete line (an incomplete tail is to be dropped). */
  validLength: number;
  /** Nanoseconds of the last complete line, undefined for an empty file. */
  lastNanos?: bigint;
  /** How many lines at the end carry exactly lastNanos. */
  linesAtLast: number;
}

/** How far back the resume point looks for lines sharing the last timestamp. */
const RESUME_WINDOW = 1024 * 1024;

/** Where a writer resumes appending to an existing log file. */
export async function readResumePoint(path: string): Promise<ResumePoint> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { validLength: 0, linesAtLast: 0 };
    throw err;
  }
  try {
    const validLength = await findTailLineStart(handle, 0);
    const from = Math.max(0, validLength - RESUME_WINDOW);
    const buf = Buffer.alloc(validLength - from);
    await handle.read(buf, 0, buf.length, from);
    const lines: Buffer[] = [];
    for (let i = 0, s = 0; i < buf.length; i++) {
      if (buf[i] === 0x0a) {
        lines.push(buf.subarray(s, i));
        s = i + 1;
      }
    }
    if (from > 0) lines.shift(); // cut by the window
    let lastNanos: bigint | undefined;
    let linesAtLast = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      const msg = line ? parseCriLine(line) : undefined;
      if (!msg) break;
      lastNanos ??= msg.nanos;
      if (msg.nanos !== lastNanos) break;
      linesAtLast += 1;
    }
    return { validLength, lastNanos, linesAtLast };
  } finally {
    await handle.close();
  }
}
