/**
 * One open watch of the fake: a queue the store pushes events into, read as an async
 * iterator. It ends when the store ends it (normally or with an error) or its signal aborts.
 */
import type { WatchEvent } from '../types/index.js';

type Item<T> = { event: WatchEvent<T> } | { end: true; err?: Error };

export class FakeWatchStream<T> {
  private queue: Item<T>[] = [];
  private wake: (() => void) | undefined;

  constructor(readonly accepts: (event: WatchEvent<T>) => boolean) {}

  push(event: WatchEvent<T>): void {
    if (!this.accepts(event)) return;
    this.queue.push({ event: structuredClone(event) });
    this.wake?.();
  }

  end(err?: Error): void {
    this.queue.push(err ? { end: true, err } : { end: true });
    this.wake?.();
  }

  async *events(signal?: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    const onAbort = (): void => this.wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      for (;;) {
        if (signal?.aborted) return;
        const item = this.queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        if ('end' in item) {
          if (item.err) throw item.err;
          return;
        }
        yield item.event;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
