/**
 * Decodes a watch response body (one JSON WatchEvent per line) into events. Chunks may split
 * lines and multi-byte characters anywhere; blank lines are ignored. An undecodable line ends
 * the stream with client-go's "unable to decode an event from the watch stream" error.
 */
import type { WatchEvent, WatchEventType } from '../types/index.js';

const TYPES: ReadonlySet<string> = new Set<WatchEventType>([
  'ADDED',
  'MODIFIED',
  'DELETED',
  'BOOKMARK',
  'ERROR',
]);

/** Splits a byte stream into lines; feeds bytes in, gets complete lines out. */
export class LineSplitter {
  private pending: Buffer[] = [];

  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      this.pending.push(chunk.subarray(start, nl));
      lines.push(Buffer.concat(this.pending));
      this.pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
    return lines;
  }

  /** What is left after the stream ended without a final newline. */
  flush(): Buffer | undefined {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    return rest.length ? rest : undefined;
  }
}

export function decodeWatchEvent<T>(line: Buffer): WatchEvent<T> | undefined {
  const text = line.toString('utf8').trim();
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`unable to decode an event from the watch stream: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const ev = parsed as { type?: unknown; object?: unknown };
  if (typeof ev !== 'object' || ev === null || typeof ev.type !== 'string' || !TYPES.has(ev.type)) {
    throw new Error(
      `unable to decode an event from the watch stream: got invalid watch event type: ${JSON.stringify(ev?.type)}`,
    );
  }
  if (typeof ev.object !== 'object' || ev.object === null) {
    throw new Error('unable to decode an event from the watch stream: event has no object');
  }
  return { type: ev.type as WatchEventType, object: ev.object as T };
}

export async function* decodeWatchStream<T>(
  body: AsyncIterable<Buffer | string>,
): AsyncGenerator<WatchEvent<T>> {
  const splitter = new LineSplitter();
  for await (const chunk of body) {
    for (const line of splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
      const ev = decodeWatchEvent<T>(line);
      if (ev) yield ev;
    }
  }
  const rest = splitter.flush();
  const last = rest ? decodeWatchEvent<T>(rest) : undefined;
  if (last) yield last;
}
