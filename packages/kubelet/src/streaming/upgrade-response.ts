/** Raw HTTP answers on an upgrade socket, before or instead of switching protocols. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  500: 'InternalError',
};

/** A metav1.Status body for an HTTP error, as the apiserver relays it to kubectl. */
export function statusBody(code: number, message: string, reason?: string): string {
  const r = reason ?? REASONS[code];
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(r ? { reason: r } : {}),
    code,
  });
}

/** Answers an upgrade request with an error Status and closes the socket. */
export function writeUpgradeError(socket: Duplex, code: number, body: string): void {
  if (socket.destroyed) return;
  const head =
    `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? 'Error'}\r\n` +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n';
  socket.end(head + body);
}

export function writeSwitchingProtocols(socket: Duplex, headers: Record<string, string>): void {
  let head = 'HTTP/1.1 101 Switching Protocols\r\n';
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  socket.write(`${head}\r\n`);
}
