/**
 * The WebSocket side of an upgrade, shared by remotecommand and port-forward: the handshake
 * check made before anything runs (so a bad request still gets a plain HTTP error), and the
 * switch itself with the negotiated subprotocol ("" answers none).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';

/** The problem with a WebSocket handshake, or undefined when it is well-formed. */
export function invalidWebSocketHandshake(req: IncomingMessage): string | undefined {
  const key = req.headers['sec-websocket-key'];
  const version = req.headers['sec-websocket-version'];
  if (req.method !== 'GET' || !key || !/^[+/0-9A-Za-z]{22}==$/.test(key) || (version !== '13' && version !== '8')) {
    return 'unable to upgrade: invalid WebSocket handshake';
  }
  return undefined;
}

/**
 * Answers 101 with the subprotocol and resolves with the open WebSocket. The subprotocol has
 * been negotiated already and is written as is: ws would refuse the offer of a tunnelling
 * client, since "SPDY/3.1+portforward.k8s.io" is not an RFC 7230 token (gorilla accepts it).
 */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string): Promise<WebSocket> {
  return new Promise((resolve) => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
    delete req.headers['sec-websocket-protocol'];
    if (protocol) wss.on('headers', (headers: string[]) => headers.push(`Sec-WebSocket-Protocol: ${protocol}`));
    wss.handleUpgrade(req, socket, head, (ws) => resolve(ws));
  });
}
