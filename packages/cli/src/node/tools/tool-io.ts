/** Where a node tool reads and writes: the process's streams, or a test's. */
import { Writable } from 'node:stream';

export interface ToolOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ToolIO {
  stdin: NodeJS.ReadableStream;
  stdout: ToolOutput;
  stderr: ToolOutput;
  /** Aborted on SIGINT/SIGTERM: ends `-f` loops. */
  signal: AbortSignal;
  /** Is stderr a terminal (logrus prints `FATA[0000]` there, `level=fatal` elsewhere)? */
  stderrIsTTY?: boolean;
}

/** Writes text; for a stream, resolves once it is flushed (or the stream failed, e.g. EPIPE). */
export function write(out: ToolOutput, text: string | Buffer): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  if (!(out instanceof Writable)) {
    out.write(typeof text === 'string' ? text : text.toString('utf8'));
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    if (out.destroyed) return resolve();
    out.write(text, () => resolve());
  });
}
