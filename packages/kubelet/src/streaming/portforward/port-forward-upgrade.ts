/**
 * Chooses the transport of a port-forward upgrade (ServePortForward) and checks the request
 * before anything is switched: SPDY/3.1 with X-Stream-Protocol-Version portforward.k8s.io
 * (kubectl ≤ 1.30, and the fallback of later ones), a WebSocket offering
 * SPDY/3.1+portforward.k8s.io (the SPDY session tunnelled in binary messages: kubectl ≥ 1.31),
 * or a plain WebSocket with the channel protocol and the ports in the query (other clients).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import { isSpdyRequest, isWebSocketRequest } from '../remote-command-upgrade.js';
import type { UpgradeRejection } from '../remote-command-upgrade.js';
import { handshakeProtocol, offeredStreamProtocols, STREAM_PROTOCOL_HEADER } from '../spdy/spdy-protocols.js';
import { writeSwitchingProtocols } from '../upgrade-response.js';
import { offeredWebSocketProtocols } from '../websocket/channel-protocols.js';
import { acceptWebSocket, invalidWebSocketHandshake } from '../websocket/websocket-upgrade.js';
import { parseWebSocketPorts } from './port-forward-options.js';
import {
  negotiatePortForwardWebSocket,
  PORT_FORWARD_WEBSOCKET_PROTOCOLS,
  SUPPORTED_PORT_FORWARD_PROTOCOLS,
  tunnelingSpdyProtocols,
  WEBSOCKET_SPDY_TUNNELING_PREFIX,
} from './port-forward-protocols.js';
import type { PortForwarder } from './port-forwarder.js';
import { serveSpdyPortForward } from './spdy-port-forward.js';
import { WebSocketTunnel } from './websocket-tunnel.js';
import { serveWebSocketPortForward } from './websocket-port-forward.js';

export type PortForwardTransport = 'spdy' | 'websocket-tunnel' | 'websocket';

export interface PortForwardUpgradeOptions {
  logger?: Logger;
  streamCreationTimeoutMs?: number;
}

export interface PreparedPortForward {
  readonly transport: PortForwardTransport;
  /** The negotiated protocol (WebSocket subprotocol or X-Stream-Protocol-Version). */
  readonly protocol: string;
  /** Switches protocols and serves until the connection ends. */
  serve(socket: Duplex, head: Buffer, forwarder: PortForwarder): Promise<void>;
}

function connectionName(req: IncomingMessage): string {
  const s = req.socket;
  return `${s.remoteAddress ?? ''}:${s.remotePort ?? ''}`;
}

export function preparePortForwardUpgrade(
  req: IncomingMessage,
  query: URLSearchParams,
  opts: PortForwardUpgradeOptions = {},
): PreparedPortForward | UpgradeRejection {
  const spdyOpts = { logger: opts.logger, streamCreationTimeoutMs: opts.streamCreationTimeoutMs, connectionName: connectionName(req) };
  if (isWebSocketRequest(req)) {
    const invalid = invalidWebSocketHandshake(req);
    if (invalid) return { code: 400, message: invalid };
    const offered = offeredWebSocketProtocols(req.headers['sec-websocket-protocol']);
    const tunnelled = tunnelingSpdyProtocols(offered);
    if (tunnelled.length > 0) {
      const negotiated = handshakeProtocol(tunnelled, SUPPORTED_PORT_FORWARD_PROTOCOLS);
      if ('error' in negotiated) return { code: 403, message: negotiated.error };
      const protocol = WEBSOCKET_SPDY_TUNNELING_PREFIX + negotiated.protocol;
      return {
        transport: 'websocket-tunnel',
        protocol,
        serve: async (socket, head, forwarder) => {
          const ws = await acceptWebSocket(req, socket, head, protocol);
          await serveSpdyPortForward(new WebSocketTunnel(ws), Buffer.alloc(0), forwarder, spdyOpts);
        },
      };
    }
    const ports = parseWebSocketPorts(query);
    if (typeof ports === 'string') return { code: 400, message: ports };
    const channels = negotiatePortForwardWebSocket(offered);
    if (!channels) {
      const supported = PORT_FORWARD_WEBSOCKET_PROTOCOLS.map((p) => p.name).join(' ');
      return { code: 403, message: `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${supported}]` };
    }
    return {
      transport: 'websocket',
      protocol: channels.name,
      serve: async (socket, head, forwarder) => {
        const ws = await acceptWebSocket(req, socket, head, channels.name);
        await serveWebSocketPortForward(ws, channels, ports, forwarder, { logger: opts.logger });
      },
    };
  }
  if (!isSpdyRequest(req)) return { code: 400, message: 'unable to upgrade: missing upgrade headers in request' };
  const negotiated = handshakeProtocol(offeredStreamProtocols(req.headers[STREAM_PROTOCOL_HEADER]), SUPPORTED_PORT_FORWARD_PROTOCOLS);
  if ('error' in negotiated) return { code: 403, message: negotiated.error };
  return {
    transport: 'spdy',
    protocol: negotiated.protocol,
    serve: (socket, head, forwarder) => {
      writeSwitchingProtocols(socket, { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': negotiated.protocol });
      return serveSpdyPortForward(socket, head, forwarder, spdyOpts);
    },
  };
}
