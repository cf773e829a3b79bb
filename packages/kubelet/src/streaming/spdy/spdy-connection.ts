/**
 * The server end of a SPDY/3.1 session on an upgraded socket (what spdystream does for the
 * kubelet): accepts the client's streams and answers each with SYN_REPLY at once, routes DATA,
 * FIN and RST_STREAM to them, echoes PINGs, honours GOAWAY, and does SPDY/3.1 flow control:
 * received data is acknowledged with WINDOW_UPDATEs (per stream and for the session) as it is
 * consumed, and our sending respects the client's windows once the client shows that it keeps
 * them (a SETTINGS initial window or a WINDOW_UPDATE). spdystream, the client in kubectl, never
 * sends either and ignores windows, so against it nothing is ever held back.
 */
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import { noopLogger } from '@kubelab/api';
import type { SpdyFrame } from './spdy-frames.js';
import {
  DEFAULT_INITIAL_WINDOW_SIZE,
  encodeData,
  encodeGoAway,
  encodePing,
  encodeRstStream,
  encodeSynReply,
  encodeWindowUpdate,
  FLAG_FIN,
  FLAG_UNIDIRECTIONAL,
  FrameReader,
  RST_STATUS,
  SETTINGS_INITIAL_WINDOW_SIZE,
} from './spdy-frames.js';
import type { HeaderMap } from './spdy-header-block.js';
import { HeaderBlockDeflater, HeaderBlockInflater } from './spdy-header-block.js';
import type { SpdyStreamOwner } from './spdy-stream.js';
import { SpdyStream } from './spdy-stream.js';

export interface SpdyConnectionOptions {
  /** A new client stream; its SYN_REPLY has already been written. */
  onStream: (stream: SpdyStream) => void;
  /**
   * The connection's NewStreamHandler check: a reason to refuse the stream (it is reset with
   * CANCEL and gets no reply, as spdystream's Reset), or undefined to accept it.
   */
  rejectStream?: (headers: HeaderMap) => string | undefined;
  onClose?: () => void;
  logger?: Logger;
}

const MAX_DATA_FRAME = 32 * 1024;
const GOAWAY_OK = 0;
const GOAWAY_PROTOCOL_ERROR = 1;
/** How long a closing connection waits for the client to hang up before dropping it. */
const CLOSE_GRACE_MS = 30_000;

export class SpdyConnection implements SpdyStreamOwner {
  private readonly reader = new FrameReader();
  private readonly inflater = new HeaderBlockInflater();
  private readonly deflater = new HeaderBlockDeflater();
  private readonly streams = new Map<number, SpdyStream>();
  private readonly logger: Logger;
  private lastStreamId = 0;
  private goneAway = false;
  private closed = false;
  private flowControl = false;
  private initialSendWindow = DEFAULT_INITIAL_WINDOW_SIZE;
  private sessionSendWindow = DEFAULT_INITIAL_WINDOW_SIZE;
  private windowWaiters: (() => void)[] = [];
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly socket: Duplex,
    head: Buffer,
    private readonly opts: SpdyConnectionOptions,
  ) {
    this.logger = opts.logger ?? noopLogger;
    if (head.length > 0) this.onData(head);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.release('drain'));
    socket.on('error', (err) => {
      this.logger.debug('SPDY connection error', { err: err.message });
      socket.destroy();
    });
    // The client will send nothing more: the session is over (spdystream stops serving on EOF).
    socket.on('end', () => {
      this.goneAway = true;
      if (!socket.writableEnded) socket.end();
    });
    socket.on('close', () => this.onSocketClose());
  }

  /** Sends GOAWAY and ends our side; the socket closes when the client hangs up. */
  close(): void {
    if (this.closed) return;
    if (!this.goneAway) this.write(encodeGoAway(this.lastStreamId, GOAWAY_OK));
    this.goneAway = true;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  async sendData(stream: SpdyStream, data: Buffer, fin: boolean): Promise<void> {
    let offset = 0;
    do {
      if (stream.aborted || this.closed) return;
      let n = Math.min(data.length - offset, MAX_DATA_FRAME);
      if (this.flowControl && n > 0) {
        while (Math.min(stream.sendWindow, this.sessionSendWindow) <= 0) {
          await new Promise<void>((resolve) => this.windowWaiters.push(resolve));
          if (stream.aborted || this.closed) return;
        }
        n = Math.min(n, stream.sendWindow, this.sessionSendWindow);
        stream.sendWindow -= n;
        this.sessionSendWindow -= n;
      }
      const last = offset + n >= data.length;
      await this.writeAndWait(encodeData(stream.id, fin && last ? FLAG_FIN : 0, data.subarray(offset, offset + n)));
      offset += n;
    } while (offset < data.length);
  }

  sendReset(stream: SpdyStream, status: number): void {
    this.write(encodeRstStream(stream.id, status));
  }

  acknowledge(stream: SpdyStream, bytes: number): void {
    if (!stream.remoteFinished) this.write(encodeWindowUpdate(stream.id, bytes));
    this.write(encodeWindowUpdate(0, bytes));
  }

  streamDone(stream: SpdyStream): void {
    this.streams.delete(stream.id);
  }

  private onData(chunk: Buffer): void {
    try {
      for (const frame of this.reader.push(chunk)) this.handle(frame);
    } catch (err) {
      this.logger.debug('SPDY protocol error', { err: err instanceof Error ? err.message : String(err) });
      this.write(encodeGoAway(this.lastStreamId, GOAWAY_PROTOCOL_ERROR));
      this.goneAway = true;
      this.socket.destroy();
    }
  }

  private handle(frame: SpdyFrame): void {
    switch (frame.type) {
      case 'syn_stream':
        return this.onSynStream(frame.streamId, frame.flags, frame.headerBlock);
      case 'data':
        return this.onDataFrame(frame.streamId, frame.flags, frame.data);
      case 'headers': {
        // Keep the header compression context in step even though extra headers mean nothing here.
        this.inflater.inflate(frame.headerBlock);
        if (frame.flags & FLAG_FIN) this.streams.get(frame.streamId)?.receiveFin();
        return;
      }
      case 'rst_stream':
        this.streams.get(frame.streamId)?.closeBothSides();
        return;
      case 'settings':
        for (const e of frame.entries) if (e.id === SETTINGS_INITIAL_WINDOW_SIZE) this.setInitialWindow(e.value);
        return;
      case 'ping':
        // Odd ids are the client's own pings: echo them. Even ids would answer ours; we send none.
        if (frame.id % 2 === 1) this.write(encodePing(frame.id));
        return;
      case 'goaway':
        this.goneAway = true;
        return;
      case 'window_update':
        return this.onWindowUpdate(frame.streamId, frame.delta);
      default:
        return;
    }
  }

  private onSynStream(id: number, flags: number, headerBlock: Buffer): void {
    const headers = this.inflater.inflate(headerBlock);
    if (this.goneAway) {
      this.write(encodeRstStream(id, RST_STATUS.REFUSED_STREAM));
      return;
    }
    if (id % 2 === 0 || id <= this.lastStreamId) {
      this.write(encodeRstStream(id, RST_STATUS.PROTOCOL_ERROR));
      return;
    }
    this.lastStreamId = id;
    const rejection = this.opts.rejectStream?.(headers);
    if (rejection !== undefined) {
      this.logger.debug('Stream rejected', { streamId: id, reason: rejection });
      this.write(encodeRstStream(id, RST_STATUS.CANCEL));
      return;
    }
    const stream = new SpdyStream(this, id, headers, this.initialSendWindow);
    this.streams.set(id, stream);
    this.write(encodeSynReply(id, 0, this.deflater.deflate(new Map())));
    if (flags & FLAG_UNIDIRECTIONAL) stream.localFinished = true;
    if (flags & FLAG_FIN) stream.receiveFin();
    this.opts.onStream(stream);
  }

  private onDataFrame(id: number, flags: number, data: Buffer): void {
    const stream = this.streams.get(id);
    if (!stream || stream.remoteFinished) {
      // Data for a stream that is gone: still give the session window back.
      if (data.length > 0) this.write(encodeWindowUpdate(0, data.length));
      return;
    }
    stream.receive(data);
    if (flags & FLAG_FIN) stream.receiveFin();
  }

  private onWindowUpdate(streamId: number, delta: number): void {
    this.flowControl = true;
    if (streamId === 0) this.sessionSendWindow += delta;
    else {
      const stream = this.streams.get(streamId);
      if (stream) stream.sendWindow += delta;
    }
    this.release('window');
  }

  private setInitialWindow(value: number): void {
    this.flowControl = true;
    const delta = value - this.initialSendWindow;
    this.initialSendWindow = value;
    for (const s of this.streams.values()) s.sendWindow += delta;
    this.release('window');
  }

  private release(kind: 'window' | 'drain' | 'all'): void {
    if (kind !== 'drain') for (const w of this.windowWaiters.splice(0)) w();
    if (kind !== 'window') for (const w of this.drainWaiters.splice(0)) w();
  }

  private write(frame: Buffer): boolean {
    if (this.closed || this.socket.destroyed || this.socket.writableEnded) return true;
    return this.socket.write(frame);
  }

  private async writeAndWait(frame: Buffer): Promise<void> {
    if (!this.write(frame)) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
  }

  private onSocketClose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams.values()]) s.closeBothSides();
    this.streams.clear();
    this.release('all');
    this.opts.onClose?.();
  }
}
