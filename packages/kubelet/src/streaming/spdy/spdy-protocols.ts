/**
 * Stream protocol negotiation for SPDY remotecommand (httpstream.Handshake): the client lists
 * X-Stream-Protocol-Version values in order of preference, the server takes the first it
 * supports and answers with it. v5 over SPDY is v4 (its only addition, the close signal, is a
 * WebSocket feature), so the server offers v4 and below, as the brief for kubectl expects.
 */

export const STREAM_PROTOCOL_HEADER = 'x-stream-protocol-version';

export const SUPPORTED_SPDY_PROTOCOLS: readonly string[] = [
  'v4.channel.k8s.io',
  'v3.channel.k8s.io',
  'v2.channel.k8s.io',
  'channel.k8s.io',
];

export interface SpdyProtocol {
  name: string;
  /** JSON Status on the error stream (v4). */
  jsonStatus: boolean;
  /** A resize stream is opened with a terminal (v3, v4). */
  resize: boolean;
}

export function spdyProtocol(name: string): SpdyProtocol {
  return {
    name,
    jsonStatus: name === 'v4.channel.k8s.io',
    resize: name === 'v4.channel.k8s.io' || name === 'v3.channel.k8s.io',
  };
}

/** Header values may repeat (Node joins them with ", ") or be comma-separated. */
export function offeredStreamProtocols(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * httpstream.Handshake: the first offered protocol the server supports, or the upstream error
 * text (a 403 for the caller).
 */
export function handshakeProtocol(offered: readonly string[], supported: readonly string[]): { protocol: string } | { error: string } {
  if (offered.length === 0) return { error: 'unable to upgrade: X-Stream-Protocol-Version is required' };
  const match = offered.find((p) => supported.includes(p));
  if (match) return { protocol: match };
  return {
    error:
      `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], ` +
      `server accepts [${supported.join(' ')}]`,
  };
}

/** The negotiated remotecommand protocol, or the upstream error text. */
export function negotiateStreamProtocol(offered: readonly string[]): SpdyProtocol | string {
  const r = handshakeProtocol(offered, SUPPORTED_SPDY_PROTOCOLS);
  return 'protocol' in r ? spdyProtocol(r.protocol) : r.error;
}
