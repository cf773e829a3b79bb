/**
 * Terminal resize events from the client (remotecommand.TerminalSize, sent as JSON objects
 * {"Width":80,"Height":24} on the resize channel or stream). Consumers either listen for
 * 'resize' events or iterate; iteration ends when the connection does.
 */
import { EventEmitter } from 'node:events';

export interface TerminalSize {
  width: number;
  height: number;
}

export class TerminalSizeQueue extends EventEmitter implements AsyncIterable<TerminalSize> {
  private readonly pending: TerminalSize[] = [];
  private readonly waiters: ((r: IteratorResult<TerminalSize>) => void)[] = [];
  private ended = false;

  push(size: TerminalSize): void {
    if (this.ended) return;
    this.emit('resize', size);
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value: size, done: false });
    else this.pending.push(size);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
    this.emit('end');
  }

  [Symbol.asyncIterator](): AsyncIterator<TerminalSize> {
    return {
      next: () => {
        const next = this.pending.shift();
        if (next) return Promise.resolve({ value: next, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.waiters.push(resolve));
      },
    };
  }
}

/**
 * Splits a byte stream of concatenated JSON objects (Go's json.Encoder output) into sizes.
 * Objects may arrive split across frames; malformed objects are skipped, as handleResizeEvents
 * stops decoding on an error but the connection goes on.
 */
export class TerminalSizeDecoder {
  private buffer = '';

  constructor(private readonly queue: TerminalSizeQueue) {}

  write(chunk: Buffer | string): void {
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (;;) {
      const start = this.buffer.indexOf('{');
      if (start < 0) {
        this.buffer = '';
        return;
      }
      const end = this.buffer.indexOf('}', start);
      if (end < 0) {
        this.buffer = this.buffer.slice(start);
        return;
      }
      const text = this.buffer.slice(start, end + 1);
      this.buffer = this.buffer.slice(end + 1);
      const size = parseTerminalSize(text);
      if (size) this.queue.push(size);
    }
  }
}

export function parseTerminalSize(text: string): TerminalSize | undefined {
  try {
    const v = JSON.parse(text) as { Width?: unknown; Height?: unknown };
    const width = typeof v.Width === 'number' ? v.Width : 0;
    const height = typeof v.Height === 'number' ? v.Height : 0;
    return { width, height };
  } catch {
    return undefined;
  }
}
