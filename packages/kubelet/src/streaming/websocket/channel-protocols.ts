/**
 * WebSocket subprotocols of remotecommand (k8s.io/apimachinery/pkg/util/httpstream/wsstream and
 * pkg/util/remotecommand): every message starts with the channel number, as a byte (binary
 * protocols) or as an ASCII digit followed by base64 (base64 protocols, text messages).
 * v4 and v5 write a JSON Status on the error channel; v5 adds the close signal (channel 255).
 */

export interface ChannelProtocol {
  name: string;
  base64: boolean;
  /** JSON Status on the error channel (v4, v5) rather than the bare message. */
  jsonStatus: boolean;
  /** Understands the CLOSE signal [255, channel] (v5). */
  closeSignal: boolean;
}

export const STDIN_CHANNEL = 0;
export const STDOUT_CHANNEL = 1;
export const STDERR_CHANNEL = 2;
export const ERROR_CHANNEL = 3;
export const RESIZE_CHANNEL = 4;
export const CLOSE_CHANNEL = 255;

const PROTOCOLS: ChannelProtocol[] = [
  { name: 'v5.channel.k8s.io', base64: false, jsonStatus: true, closeSignal: true },
  { name: 'v4.channel.k8s.io', base64: false, jsonStatus: true, closeSignal: false },
  { name: 'v4.base64.channel.k8s.io', base64: true, jsonStatus: true, closeSignal: false },
  { name: 'channel.k8s.io', base64: false, jsonStatus: false, closeSignal: false },
  { name: 'base64.channel.k8s.io', base64: true, jsonStatus: false, closeSignal: false },
];

/** A client that names no subprotocol gets the raw binary channel protocol. */
const NO_PROTOCOL: ChannelProtocol = { name: '', base64: false, jsonStatus: false, closeSignal: false };

export const SUPPORTED_WEBSOCKET_PROTOCOLS: readonly string[] = PROTOCOLS.map((p) => p.name);

/** The first protocol the client offers that the server supports (wsstream handshake order). */
export function negotiateWebSocketProtocol(offered: readonly string[]): ChannelProtocol | undefined {
  if (offered.length === 0) return NO_PROTOCOL;
  for (const name of offered) {
    const p = PROTOCOLS.find((x) => x.name === name);
    if (p) return p;
  }
  return undefined;
}

/** Sec-WebSocket-Protocol may be repeated and comma-separated. */
export function offeredWebSocketProtocols(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Frames one channel message for the wire. */
export function encodeChannelMessage(protocol: ChannelProtocol, channel: number, data: Buffer): Buffer | string {
  if (protocol.base64) return String.fromCharCode(48 + channel) + data.toString('base64');
  const frame = Buffer.allocUnsafe(data.length + 1);
  frame[0] = channel;
  data.copy(frame, 1);
  return frame;
}

/** Splits a received message into channel and payload; undefined for an empty or bad message. */
export function decodeChannelMessage(
  protocol: ChannelProtocol,
  message: Buffer,
): { channel: number; data: Buffer } | undefined {
  if (message.length === 0) return undefined;
  const first = message[0] as number;
  if (!protocol.base64) return { channel: first, data: message.subarray(1) };
  const text = message.subarray(1).toString('latin1');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return { channel: first - 48, data: Buffer.from(text, 'base64') };
}
