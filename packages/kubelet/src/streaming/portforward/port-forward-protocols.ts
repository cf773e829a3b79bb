/**
 * Names of the port-forward protocols (k8s.io/apimachinery/pkg/util/portforward, the header
 * constants of k8s.io/api/core/v1): SPDY streams tagged with streamType/port/requestID, the
 * same SPDY tunnelled through a WebSocket (kubectl ≥ 1.31, 1.30 with
 * KUBECTL_PORT_FORWARD_WEBSOCKETS=true), and the plain WebSocket channel protocol.
 */
import type { ChannelProtocol } from '../websocket/channel-protocols.js';

/** The only SPDY port-forward protocol (PortForwardProtocolV1Name). */
export const PORT_FORWARD_PROTOCOL_V1 = 'portforward.k8s.io';
export const SUPPORTED_PORT_FORWARD_PROTOCOLS: readonly string[] = [PORT_FORWARD_PROTOCOL_V1];

/** WebsocketsSPDYTunnelingPrefix: WebSocket subprotocol = prefix + SPDY stream protocol. */
export const WEBSOCKET_SPDY_TUNNELING_PREFIX = 'SPDY/3.1+';
const KUBERNETES_SUFFIX = '.k8s.io';

/** Stream header names as SPDY carries them (lower-case): v1.StreamType, PortHeader, PortForwardRequestIDHeader. */
export const STREAM_TYPE_HEADER = 'streamtype';
export const PORT_HEADER = 'port';
export const REQUEST_ID_HEADER = 'requestid';

export type PortForwardStreamType = 'error' | 'data';

/** The plain WebSocket protocols of portforward/websocket.go: one data and one error channel per port. */
export const PORT_FORWARD_WEBSOCKET_PROTOCOLS: readonly ChannelProtocol[] = [
  { name: '', base64: false, jsonStatus: false, closeSignal: false },
  { name: 'v4.channel.k8s.io', base64: false, jsonStatus: false, closeSignal: false },
  { name: 'v4.base64.channel.k8s.io', base64: true, jsonStatus: false, closeSignal: false },
];

/**
 * The SPDY protocols a tunnelling client asks for (spdyProtocolsFromWebsocketProtocols): its
 * WebSocket subprotocols of the form SPDY/3.1+<name>.k8s.io, prefix removed.
 */
export function tunnelingSpdyProtocols(offered: readonly string[]): string[] {
  return offered
    .filter((p) => p.startsWith(WEBSOCKET_SPDY_TUNNELING_PREFIX) && p.endsWith(KUBERNETES_SUFFIX))
    .map((p) => p.slice(WEBSOCKET_SPDY_TUNNELING_PREFIX.length));
}

/** wsstream's handshake over the plain WebSocket protocols: no subprotocol means "". */
export function negotiatePortForwardWebSocket(offered: readonly string[]): ChannelProtocol | undefined {
  const wanted = offered.length === 0 ? [''] : offered;
  for (const name of wanted) {
    const p = PORT_FORWARD_WEBSOCKET_PROTOCOLS.find((x) => x.name === name);
    if (p) return p;
  }
  return undefined;
}
