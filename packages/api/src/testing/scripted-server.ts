/**
 * A local HTTP(S) server for client tests: records every request (method, URL, headers, body,
 * connection) and answers through a handler the test swaps in.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  /** Which server-side connection carried it (1, 2, ...): equal numbers mean a reused socket. */
  connection: number;
}

export type ScriptedHandler = (req: RecordedRequest, res: ServerResponse) => void;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  handle(handler: ScriptedHandler): void;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export interface ScriptedServerOptions {
  tls?: { cert: string; key: string };
  /** Listen on this port (to restart a server where clients expect it); default: any free. */
  port?: number;
}

export async function startScriptedServer(
  opts: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  const { tls } = opts;
  const requests: RecordedRequest[] = [];
  let handler: ScriptedHandler = (_req, res) => sendJson(res, 200, {});
  const sockets = new Map<Socket, number>();
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://server'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: sockets.get(req.socket) ?? 0,
      };
      requests.push(rec);
      handler(rec, res);
    });
  };
  const server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest);
  server.on(tls ? 'secureConnection' : 'connection', (s: Socket) =>
    sockets.set(s, sockets.size + 1),
  );
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      handler = h;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
