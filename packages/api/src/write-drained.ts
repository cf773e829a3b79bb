/**
 * Backpressure for streamed HTTP answers (long lists, followed logs): write a chunk and, when the
 * stream's buffer is full, resolve only once it has drained or the stream has closed, so a fast
 * producer never buffers a whole answer in memory.
 */
import type { Writable } from 'node:stream';

export function writeDrained(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
