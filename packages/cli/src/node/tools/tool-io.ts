/** Where a node tool reads and writes: the process's streams, or buffers in tests. */
import type { Readable, Writable } from 'node:stream';

export interface ToolIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Aborted on SIGINT/SIGTERM: ends `-f` loops. */
  signal: AbortSignal;
  /** Is stderr a terminal (logrus prints `FATA[0000]` there, `level=fatal` elsewhere)? */
  stderrIsTTY?: boolean;
}

/** Writes text and resolves once it is flushed (or the stream failed, e.g. EPIPE). */
export function write(stream: Writable, text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (text.length === 0 || stream.destroyed) return resolve();
    stream.write(text, () => resolve());
  });
}
