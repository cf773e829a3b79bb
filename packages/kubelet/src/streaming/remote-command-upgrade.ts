/**
 * Chooses the transport of a remotecommand upgrade (wsstream.IsWebSocketRequest, else SPDY) and
 * checks the request before anything runs: prepare() validates the handshake and negotiates the
 * protocol without touching the socket, so a caller can start the command in between and still
 * answer a bad request with a plain HTTP error; accept() then switches protocols.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import type { RemoteCommandOptions } from './remote-command-options.js';
import type { RemoteCommandStreams } from './remote-command-streams.js';
import { acceptSpdyRemoteCommand } from './spdy/spdy-remote-command.js';
import { negotiateStreamProtocol, offeredStreamProtocols, STREAM_PROTOCOL_HEADER } from './spdy/spdy-protocols.js';
import { statusBody, writeSwitchingProtocols, writeUpgradeError } from './upgrade-response.js';
import {
  negotiateWebSocketProtocol,
  offeredWebSocketProtocols,
  SUPPORTED_WEBSOCKET_PROTOCOLS,
} from './websocket/channel-protocols.js';
import { WebSocketRemoteCommand } from './websocket/websocket-remote-command.js';
import { acceptWebSocket, invalidWebSocketHandshake } from './websocket/websocket-upgrade.js';

export interface RemoteCommandUpgradeOptions extends RemoteCommandOptions {
  logger?: Logger;
  /** How long SPDY clients get to open their streams (default 30 s). */
  streamCreationTimeoutMs?: number;
}

export interface PreparedUpgrade {
  readonly transport: 'websocket' | 'spdy';
  readonly protocol: string;
  /** Switches protocols and resolves when the streams are ready. */
  accept(socket: Duplex, head: Buffer): Promise<RemoteCommandStreams>;
}

export interface UpgradeRejection {
  code: number;
  message: string;
}

export function isWebSocketRequest(req: IncomingMessage): boolean {
  const upgrade = (req.headers.upgrade ?? '').toLowerCase();
  const connection = (req.headers.connection ?? '').toLowerCase();
  return upgrade === 'websocket' && /(^|,)\s*upgrade\s*(,|$)/.test(connection);
}

export function isSpdyRequest(req: IncomingMessage): boolean {
  const upgrade = (req.headers.upgrade ?? '').toLowerCase();
  const connection = (req.headers.connection ?? '').toLowerCase();
  return connection.includes('upgrade') && upgrade.includes('spdy/3.1');
}

export function prepareRemoteCommandUpgrade(
  req: IncomingMessage,
  opts: RemoteCommandUpgradeOptions,
): PreparedUpgrade | UpgradeRejection {
  if (isWebSocketRequest(req)) return prepareWebSocket(req, opts);
  if (!isSpdyRequest(req)) {
    return { code: 400, message: 'unable to upgrade: missing upgrade headers in request' };
  }
  const protocol = negotiateStreamProtocol(offeredStreamProtocols(req.headers[STREAM_PROTOCOL_HEADER]));
  if (typeof protocol === 'string') return { code: 403, message: protocol };
  return {
    transport: 'spdy',
    protocol: protocol.name,
    accept: (socket, head) => {
      writeSwitchingProtocols(socket, {
        Connection: 'Upgrade',
        Upgrade: 'SPDY/3.1',
        'X-Stream-Protocol-Version': protocol.name,
      });
      return acceptSpdyRemoteCommand(socket, head, { opts, protocol }, opts);
    },
  };
}

function prepareWebSocket(req: IncomingMessage, opts: RemoteCommandUpgradeOptions): PreparedUpgrade | UpgradeRejection {
  const invalid = invalidWebSocketHandshake(req);
  if (invalid) return { code: 400, message: invalid };
  const offered = offeredWebSocketProtocols(req.headers['sec-websocket-protocol']);
  const channels = negotiateWebSocketProtocol(offered);
  if (!channels) {
    return {
      code: 403,
      message: `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${SUPPORTED_WEBSOCKET_PROTOCOLS.join(' ')}]`,
    };
  }
  return {
    transport: 'websocket',
    protocol: channels.name,
    accept: async (socket, head) => new WebSocketRemoteCommand(await acceptWebSocket(req, socket, head, channels.name), channels, opts),
  };
}

export function isUpgradeRejection<T extends object>(p: T | UpgradeRejection): p is UpgradeRejection {
  return 'code' in p;
}

/** Prepare and accept in one step; a rejection is written to the socket and thrown. */
export async function handleRemoteCommandUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  opts: RemoteCommandUpgradeOptions,
): Promise<RemoteCommandStreams> {
  const prepared = prepareRemoteCommandUpgrade(req, opts);
  if (isUpgradeRejection(prepared)) {
    writeUpgradeError(socket, prepared.code, statusBody(prepared.code, prepared.message));
    throw new Error(prepared.message);
  }
  return prepared.accept(socket, head);
}
