/**
 * Validation of what a port-forward client names: the stream headers of the SPDY protocol
 * (httpStreamReceived) and the port query of the plain WebSocket protocol (NewV4Options), with
 * upstream's messages, including Go's strconv.ParseUint errors.
 */
import type { HeaderMap } from '../spdy/spdy-header-block.js';
import { PORT_HEADER, STREAM_TYPE_HEADER } from './port-forward-protocols.js';

/** strconv.ParseUint(s, 10, 16): the port, or Go's error text. */
export function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 0xffff) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

function first(headers: HeaderMap, name: string): string {
  return headers.get(name)?.[0] ?? '';
}

/** Why a new SPDY stream is refused, or undefined when it carries a valid port and stream type. */
export function portForwardStreamRejection(headers: HeaderMap): string | undefined {
  const portString = first(headers, PORT_HEADER);
  if (portString === '') return '"port" header is required';
  const port = parseUint16(portString);
  if (typeof port === 'string') return `unable to parse ${JSON.stringify(portString)} as a port: ${port}`;
  if (port < 1) return `port ${JSON.stringify(portString)} must be > 0`;
  const streamType = first(headers, STREAM_TYPE_HEADER);
  if (streamType === '') return '"streamType" header is required';
  if (streamType !== 'error' && streamType !== 'data') return `invalid stream type ${JSON.stringify(streamType)}`;
  return undefined;
}

/** The ports of a plain WebSocket port-forward request (query "port", repeated or comma-separated). */
export function parseWebSocketPorts(query: URLSearchParams): number[] | string {
  const portStrings = query.getAll(PORT_HEADER);
  if (portStrings.length === 0) return 'query parameter "port" is required';
  const ports: number[] = [];
  for (const portString of portStrings) {
    if (portString === '') return 'query parameter "port" cannot be empty';
    for (const p of portString.split(',')) {
      const port = parseUint16(p);
      if (typeof port === 'string') return `unable to parse ${JSON.stringify(portString)} as a port: ${port}`;
      if (port < 1) return `port ${JSON.stringify(portString)} must be > 0`;
      ports.push(port);
    }
  }
  return ports;
}
