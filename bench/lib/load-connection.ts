/**
 * One keep-alive HTTPS connection of the load generator, one request in flight at a time (as
 * a Go client's connection or an http.Agent socket carries them). Requests are written as
 * pre-rendered bytes; responses are read with ResponseParser.
 */
import { connect, type TLSSocket } from 'node:tls';
import { ResponseParser, type ParsedResponse } from './load-response-parser.js';

export interface Target {
  host: string;
  port: number;
  caPem: string;
  /** Authorization header value, if any. */
  authorization?: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  accept?: string;
}

/** The bytes of a request, so that the timed part of sending is a single socket write. */
export function renderRequest(t: Target, r: RequestSpec): Buffer {
  let head = `${r.method} ${r.path} HTTP/1.1\r\nHost: ${t.host}:${t.port}\r\nUser-Agent: kubelab-bench\r\nAccept: ${r.accept ?? 'application/json'}\r\n`;
  if (t.authorization) head += `Authorization: ${t.authorization}\r\n`;
  if (r.body !== undefined) {
    head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\n\r\n${r.body}`;
  } else head += '\r\n';
  return Buffer.from(head);
}

export class LoadConnection {
  private readonly parser = new ResponseParser();
  private waiting: { resolve(r: ParsedResponse): void; reject(e: Error): void } | undefined;
  private failure: Error | undefined;

  private constructor(private readonly socket: TLSSocket) {
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(t: Target): Promise<LoadConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: t.host,
        port: t.port,
        ca: t.caPem,
        servername: 'localhost',
        ALPNProtocols: ['http/1.1'],
      });
      socket.setNoDelay(true);
      socket.once('secureConnect', () => {
        socket.off('error', reject);
        resolve(new LoadConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends one request and resolves with its response; keepBody keeps the body bytes. */
  send(request: Buffer, keepBody = false): Promise<ParsedResponse> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('a request is already in flight'));
    this.parser.keepBody = keepBody;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.failure ??= new Error('connection closed');
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    let done: ParsedResponse[];
    try {
      done = this.parser.push(d);
    } catch (err) {
      this.fail(err as Error);
      this.socket.destroy();
      return;
    }
    for (const r of done) {
      const w = this.waiting;
      this.waiting = undefined;
      w?.resolve(r);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(err);
  }
}
