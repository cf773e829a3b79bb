/**
 * One SPDY stream opened by the client, as a Node Duplex: the readable side is the client's
 * DATA (ending on its FIN or RST_STREAM), the writable side becomes our DATA frames, and ending
 * it sends FIN. Flow-control bookkeeping is delegated to the connection.
 */
import { Duplex } from 'node:stream';
import type { HeaderMap } from './spdy-header-block.js';

/** The part of the connection a stream talks to. */
export interface SpdyStreamOwner {
  sendData(stream: SpdyStream, data: Buffer, fin: boolean): Promise<void>;
  sendReset(stream: SpdyStream, status: number): void;
  acknowledge(stream: SpdyStream, bytes: number): void;
  streamDone(stream: SpdyStream): void;
}

export class SpdyStream extends Duplex {
  /** Bytes we may still send before the client's next WINDOW_UPDATE (when it does flow control). */
  sendWindow: number;
  remoteFinished = false;
  localFinished = false;
  /** Reset (by either side) or the connection is gone: nothing more is sent. */
  aborted = false;
  private unacknowledged = 0;

  constructor(
    private readonly owner: SpdyStreamOwner,
    readonly id: number,
    readonly headers: HeaderMap,
    initialSendWindow: number,
  ) {
    super({ allowHalfOpen: true });
    this.sendWindow = initialSendWindow;
  }

  /** The first value of a (lower-case) header. */
  header(name: string): string | undefined {
    return this.headers.get(name)?.[0];
  }

  /** RST_STREAM from our side. */
  reset(status: number): void {
    if (this.remoteFinished && this.localFinished) return;
    this.owner.sendReset(this, status);
    this.closeBothSides();
  }

  override _read(): void {
    if (this.unacknowledged === 0) return;
    const n = this.unacknowledged;
    this.unacknowledged = 0;
    this.owner.acknowledge(this, n);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.localFinished) {
      callback();
      return;
    }
    this.owner.sendData(this, chunk, false).then(() => callback(), () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.localFinished) {
      callback();
      return;
    }
    this.localFinished = true;
    this.owner.sendData(this, Buffer.alloc(0), true).then(() => callback(), () => callback());
    this.maybeDone();
  }

  /** DATA from the client. */
  receive(data: Buffer): void {
    if (this.remoteFinished) return;
    if (data.length === 0) return;
    if (this.push(data)) this.owner.acknowledge(this, data.length);
    else this.unacknowledged += data.length;
  }

  /** FIN from the client: end of its data. */
  receiveFin(): void {
    if (this.remoteFinished) return;
    this.remoteFinished = true;
    this.push(null);
    this.maybeDone();
  }

  /** RST_STREAM from the client or the connection going away: both directions are over ('aborted' is emitted once). */
  closeBothSides(): void {
    const first = !this.aborted;
    this.aborted = true;
    if (first) this.emit('aborted');
    this.localFinished = true;
    if (!this.remoteFinished) {
      this.remoteFinished = true;
      this.push(null);
    }
    this.maybeDone();
  }

  private maybeDone(): void {
    if (this.remoteFinished && this.localFinished) this.owner.streamDone(this);
  }
}
