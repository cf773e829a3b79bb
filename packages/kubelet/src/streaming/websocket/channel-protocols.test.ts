import { describe, expect, it } from 'vitest';
import {
  decodeChannelMessage,
  encodeChannelMessage,
  negotiateWebSocketProtocol,
  offeredWebSocketProtocols,
} from './channel-protocols.js';

describe('negotiateWebSocketProtocol', () => {
  it('takes the first offered protocol the server supports', () => {
    expect(negotiateWebSocketProtocol(['v6.channel.k8s.io', 'v4.channel.k8s.io', 'v5.channel.k8s.io'])?.name).toBe('v4.channel.k8s.io');
    expect(negotiateWebSocketProtocol(['v5.channel.k8s.io'])).toMatchObject({ jsonStatus: true, closeSignal: true, base64: false });
    expect(negotiateWebSocketProtocol(['base64.channel.k8s.io'])).toMatchObject({ jsonStatus: false, base64: true });
  });

  it('falls back to the raw channel protocol without an offer and refuses unknown ones', () => {
    expect(negotiateWebSocketProtocol([])).toMatchObject({ name: '', base64: false, jsonStatus: false });
    expect(negotiateWebSocketProtocol(['chat'])).toBeUndefined();
  });

  it('reads repeated and comma-separated offers', () => {
    expect(offeredWebSocketProtocols(['a, b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(offeredWebSocketProtocols(undefined)).toEqual([]);
  });
});

describe('channel messages', () => {
  const v5 = negotiateWebSocketProtocol(['v5.channel.k8s.io']);
  const b64 = negotiateWebSocketProtocol(['v4.base64.channel.k8s.io']);

  it('prefixes a channel byte in the binary protocols', () => {
    if (!v5) throw new Error('v5 missing');
    expect(encodeChannelMessage(v5, 1, Buffer.from('hi'))).toEqual(Buffer.from([1, 0x68, 0x69]));
    expect(decodeChannelMessage(v5, Buffer.from([255, 0]))).toEqual({ channel: 255, data: Buffer.from([0]) });
    expect(decodeChannelMessage(v5, Buffer.alloc(0))).toBeUndefined();
  });

  it('uses an ASCII digit and base64 in the base64 protocols', () => {
    if (!b64) throw new Error('base64 missing');
    expect(encodeChannelMessage(b64, 2, Buffer.from('foo\n'))).toBe('2Zm9vCg==');
    expect(decodeChannelMessage(b64, Buffer.from('0Zm9vCg=='))).toEqual({ channel: 0, data: Buffer.from('foo\n') });
    expect(decodeChannelMessage(b64, Buffer.from('0not base64!'))).toBeUndefined();
  });
});
