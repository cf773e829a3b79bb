/**
 * An incremental HTTP/1.1 response parser for the load generator: status line, Content-Length
 * or chunked bodies, one response at a time on a keep-alive connection. It does the least work
 * a client can do (headers are scanned, not split into a map) so that the generator, not the
 * server under test, is never the first to run out of CPU.
 */

export interface ParsedResponse {
  status: number;
  /** Body bytes (always counted; kept only when asked for). */
  bodyLength: number;
  body?: Buffer;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export class ResponseParser {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private status = 0;
  /** Body bytes still expected for a Content-Length body; -1 while reading headers. */
  private remaining = -1;
  private chunked = false;
  private bodyParts: Buffer[] = [];
  private bodyLength = 0;

  /** Whether the body of the response being read is kept (set per request). */
  keepBody = false;

  /** Feeds bytes; returns every response they complete. */
  push(data: Buffer): ParsedResponse[] {
    this.pending.push(data);
    this.pendingLength += data.length;
    const done: ParsedResponse[] = [];
    for (;;) {
      const r = this.step();
      if (!r) return done;
      done.push(r);
    }
  }

  private buffered(): Buffer {
    if (this.pending.length !== 1) this.pending = [Buffer.concat(this.pending, this.pendingLength)];
    return this.pending[0] as Buffer;
  }

  private consume(n: number): void {
    const b = this.buffered();
    const rest = b.subarray(n);
    this.pending = rest.length ? [rest] : [];
    this.pendingLength = rest.length;
  }

  private step(): ParsedResponse | undefined {
    if (this.pendingLength === 0) return undefined;
    if (this.remaining < 0 && !this.chunked) {
      const b = this.buffered();
      const end = b.indexOf(CRLFCRLF);
      if (end < 0) return undefined;
      const head = b.toString('latin1', 0, end).toLowerCase();
      this.status = Number(head.slice(9, 12));
      this.consume(end + 4);
      const m = /\r\ncontent-length:\s*(\d+)/.exec(head);
      if (m) this.remaining = Number(m[1]);
      else if (/\r\ntransfer-encoding:\s*chunked/.test(head)) this.chunked = true;
      else throw new Error(`response without a length: ${head.split('\r\n')[0] ?? ''}`);
    }
    return this.chunked ? this.readChunks() : this.readFixed();
  }

  private readFixed(): ParsedResponse | undefined {
    const take = Math.min(this.remaining, this.pendingLength);
    if (take > 0) {
      this.keepPart(this.buffered().subarray(0, take));
      this.consume(take);
      this.remaining -= take;
    }
    return this.remaining === 0 ? this.finish() : undefined;
  }

  private readChunks(): ParsedResponse | undefined {
    for (;;) {
      const b = this.buffered();
      const eol = b.indexOf('\r\n');
      if (eol < 0) return undefined;
      const size = parseInt(b.toString('latin1', 0, eol), 16);
      if (!Number.isFinite(size)) throw new Error('bad chunk size');
      if (size === 0) {
        if (b.length < eol + 4) return undefined;
        this.consume(eol + 4);
        this.chunked = false;
        return this.finish();
      }
      if (b.length < eol + 2 + size + 2) return undefined;
      this.keepPart(b.subarray(eol + 2, eol + 2 + size));
      this.consume(eol + 2 + size + 2);
    }
  }

  private keepPart(part: Buffer): void {
    this.bodyLength += part.length;
    if (this.keepBody) this.bodyParts.push(Buffer.from(part));
  }

  private finish(): ParsedResponse {
    const r: ParsedResponse = { status: this.status, bodyLength: this.bodyLength };
    if (this.keepBody) r.body = Buffer.concat(this.bodyParts);
    this.bodyParts = [];
    this.bodyLength = 0;
    this.remaining = -1;
    return r;
  }
}
