/** Two connected in-memory Duplex ends, like a socket pair (node:stream duplexPair is Node 22+). */
import { Duplex } from 'node:stream';

class End extends Duplex {
  peer: End | undefined;
  constructor() {
    super({ allowHalfOpen: true });
  }
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.peer?.push(chunk);
    cb();
  }
  override _final(cb: (err?: Error | null) => void): void {
    this.peer?.push(null);
    cb();
  }
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const peer = this.peer;
    this.peer = undefined;
    if (peer && !peer.destroyed) peer.destroy();
    cb(err);
  }
}

export function duplexPair(): [Duplex, Duplex] {
  const a = new End();
  const b = new End();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
