/** A scripted SPDY/3 client for tests: sends frames, collects decoded frames from the server. */
import type { Duplex } from 'node:stream';
import type { SpdyFrame } from '../spdy/spdy-frames.js';
import { encodeData, encodeSynStream, FrameReader } from '../spdy/spdy-frames.js';
import type { HeaderMap } from '../spdy/spdy-header-block.js';
import { HeaderBlockDeflater, HeaderBlockInflater } from '../spdy/spdy-header-block.js';

export class SpdyTestClient {
  readonly frames: SpdyFrame[] = [];
  readonly replyHeaders = new Map<number, HeaderMap>();
  private readonly reader = new FrameReader();
  private readonly deflater = new HeaderBlockDeflater();
  private readonly inflater = new HeaderBlockInflater();
  private waiters: (() => void)[] = [];
  private nextId = 1;

  constructor(readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.reader.push(chunk)) {
        if (f.type === 'syn_reply') this.replyHeaders.set(f.streamId, this.inflater.inflate(f.headerBlock));
        this.frames.push(f);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  openStream(headers: Record<string, string>, flags = 0): number {
    const id = this.nextId;
    this.nextId += 2;
    const map: HeaderMap = new Map(Object.entries(headers).map(([k, v]) => [k, [v]]));
    this.socket.write(encodeSynStream(id, flags, this.deflater.deflate(map)));
    return id;
  }

  send(frame: Buffer): void {
    this.socket.write(frame);
  }

  sendData(streamId: number, data: Buffer | string, flags = 0): void {
    this.socket.write(encodeData(streamId, flags, Buffer.from(data)));
  }

  /** Waits until a received frame satisfies the predicate and returns it. */
  async waitFor<T extends SpdyFrame>(pred: (f: SpdyFrame) => f is T): Promise<T>;
  async waitFor(pred: (f: SpdyFrame) => boolean): Promise<SpdyFrame>;
  async waitFor(pred: (f: SpdyFrame) => boolean): Promise<SpdyFrame> {
    for (;;) {
      const found = this.frames.find(pred);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** All DATA received on a stream, and whether it has been FINished. */
  dataOf(streamId: number): { data: Buffer; fin: boolean } {
    const frames = this.frames.filter((f): f is Extract<SpdyFrame, { type: 'data' }> => f.type === 'data' && f.streamId === streamId);
    return { data: Buffer.concat(frames.map((f) => f.data)), fin: frames.some((f) => (f.flags & 1) === 1) };
  }
}
