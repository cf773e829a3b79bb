/**
 * Port forwarding over the plain WebSocket channel protocol (portforward/websocket.go): the
 * ports come from the query, and port i gets data channel 2i and error channel 2i+1, each
 * opened by the server with the port as a little-endian uint16. One connection per port is
 * forwarded; a failure is written on its error channel, and the WebSocket closes when every
 * port is done.
 */
import { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import { noopLogger } from '@kubelab/api';
import type { RawData, WebSocket } from 'ws';
import type { ChannelProtocol } from '../websocket/channel-protocols.js';
import { decodeChannelMessage, encodeChannelMessage } from '../websocket/channel-protocols.js';
import { encodeGoJson, portForwardErrorResponse } from './port-forward-error.js';
import type { PortForwarder } from './port-forwarder.js';

const OPEN = 1;

/** One channel as a stream: client messages in, our writes out as messages on the channel. */
class ChannelStream extends Duplex {
  private gone = false;

  constructor(private readonly send: (data: Buffer) => Promise<void>) {
    super({ allowHalfOpen: true });
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.send(chunk).then(() => callback(), () => callback());
  }

  receive(data: Buffer): void {
    if (!this.gone && data.length > 0) this.push(data);
  }

  /** The WebSocket is gone: no more data either way. */
  abort(): void {
    if (this.gone) return;
    this.gone = true;
    this.push(null);
    this.emit('aborted');
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function portPrefix(port: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port, 0);
  return b;
}

export interface WebSocketPortForwardOptions {
  logger?: Logger;
}

/** Forwards one connection per port; resolves when the WebSocket has been closed. */
export async function serveWebSocketPortForward(
  ws: WebSocket,
  protocol: ChannelProtocol,
  ports: readonly number[],
  forwarder: PortForwarder,
  opts: WebSocketPortForwardOptions = {},
): Promise<void> {
  const logger = opts.logger ?? noopLogger;
  const send = (channel: number, data: Buffer): Promise<void> => {
    if (ws.readyState !== OPEN) return Promise.resolve();
    return new Promise((resolve) => ws.send(encodeChannelMessage(protocol, channel, data), { binary: !protocol.base64 }, () => resolve()));
  };
  const channels = ports.flatMap((_, i) => [new ChannelStream((d) => send(2 * i, d)), new ChannelStream((d) => send(2 * i + 1, d))]);
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.on('message', (data, isBinary) => {
    if (isBinary === protocol.base64) return;
    const msg = decodeChannelMessage(protocol, toBuffer(data));
    // Only data channels (even numbers) are readable; anything else is ignored, as wsstream does.
    if (msg && msg.channel % 2 === 0) channels[msg.channel]?.receive(msg.data);
  });
  ws.on('error', () => ws.terminate());
  void closed.then(() => channels.forEach((c) => c.abort()));
  await Promise.all(
    ports.map(async (port, i) => {
      const data = channels[2 * i] as ChannelStream;
      const error = channels[2 * i + 1] as ChannelStream;
      data.write(portPrefix(port));
      error.write(portPrefix(port));
      try {
        await forwarder.portForward(port, data);
      } catch (err) {
        logger.error('Port forwarding failed', err, { port });
        error.write(encodeGoJson(portForwardErrorResponse(err, { podName: forwarder.podName, uid: forwarder.uid, port })));
      }
      // Let queued writes reach the socket before the close.
      await new Promise<void>((resolve) => error.end(() => resolve()));
      await new Promise<void>((resolve) => (data.writableEnded ? resolve() : data.end(() => resolve())));
    }),
  );
  if (ws.readyState === OPEN) ws.close(1000);
  await closed;
}
