/**
 * A byte stream carried in the binary messages of a WebSocket (the server end of client-go's
 * TunnelingConnection): what the client writes arrives as one message per write, whatever we
 * write leaves as one message. A text message is a protocol error; ending our side sends a
 * normal close (1000), and the client's close ends the stream.
 */
import { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';

const OPEN = 1;

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export class WebSocketTunnel extends Duplex {
  constructor(private readonly ws: WebSocket) {
    super({ allowHalfOpen: false });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        this.destroy(new Error('invalid message type received'));
        return;
      }
      if (!this.push(toBuffer(data))) ws.pause();
    });
    ws.on('close', () => {
      this.push(null);
      this.destroy();
    });
    ws.on('error', (err) => this.destroy(err));
  }

  override _read(): void {
    this.ws.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.ws.readyState !== OPEN) {
      callback();
      return;
    }
    this.ws.send(chunk, { binary: true }, (err) => callback(err ?? null));
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.ws.readyState === OPEN) this.ws.close(1000);
    callback();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    if (this.ws.readyState === OPEN) {
      if (err) this.ws.terminate();
      else this.ws.close(1000);
    }
    callback(err);
  }
}
