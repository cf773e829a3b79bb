/**
 * The SPDY port-forward streams of one connection, paired by request ID (httpStreamHandler):
 * every forwarded connection opens an error and a data stream with the same requestID header.
 * Old clients send no request ID; their pair is guessed from the stream IDs, which are
 * consecutive odd numbers (error N, data N+2), as upstream does.
 */
import type { PortForwardStreamType } from './port-forward-protocols.js';

export interface StreamPair<S> {
  readonly requestId: string;
  error?: S;
  data?: S;
}

export type AddResult<S> =
  | { pair: StreamPair<S>; created: boolean; complete: boolean }
  | { pair: StreamPair<S>; created: boolean; error: string };

/** The request ID of a stream: its requestID header, else derived from the stream ID. */
export function streamRequestId(requestIdHeader: string | undefined, type: PortForwardStreamType, streamId: number): string {
  if (requestIdHeader) return requestIdHeader;
  return String(type === 'error' ? streamId : streamId - 2);
}

export class StreamPairs<S> {
  private readonly pairs = new Map<string, StreamPair<S>>();

  /** Adds a stream to its pair (creating the pair); an error when the pair already has that type. */
  add(requestId: string, type: PortForwardStreamType, stream: S): AddResult<S> {
    let pair = this.pairs.get(requestId);
    const created = !pair;
    if (!pair) {
      pair = { requestId };
      this.pairs.set(requestId, pair);
    }
    if (pair[type] !== undefined) return { pair, created, error: `${type} stream already assigned` };
    pair[type] = stream;
    return { pair, created, complete: pair.error !== undefined && pair.data !== undefined };
  }

  has(requestId: string): boolean {
    return this.pairs.has(requestId);
  }

  remove(requestId: string): void {
    this.pairs.delete(requestId);
  }

  get size(): number {
    return this.pairs.size;
  }
}
