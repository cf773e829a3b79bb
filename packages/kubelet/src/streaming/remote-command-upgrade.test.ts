import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { duplexPair } from './testing/duplex-pair.js';
import { handleRemoteCommandUpgrade, isUpgradeRejection, prepareRemoteCommandUpgrade } from './remote-command-upgrade.js';

const opts = { stdin: false, stdout: true, stderr: false, tty: false };

function request(method: string, headers: Record<string, string>): IncomingMessage {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, headers: lower, url: '/exec/ns/pod/c' } as unknown as IncomingMessage;
}

const ws = (extra: Record<string, string> = {}) =>
  request('GET', {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Key': 'FLV2k82Qem6SJHf5G865qw==',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Protocol': 'v5.channel.k8s.io',
    ...extra,
  });

describe('prepareRemoteCommandUpgrade', () => {
  it('picks WebSocket for an Upgrade: websocket request', () => {
    const p = prepareRemoteCommandUpgrade(ws(), opts);
    expect(isUpgradeRejection(p) ? p : { transport: p.transport, protocol: p.protocol }).toEqual({
      transport: 'websocket',
      protocol: 'v5.channel.k8s.io',
    });
  });

  it('picks SPDY for Upgrade: SPDY/3.1 and negotiates the stream protocol', () => {
    const p = prepareRemoteCommandUpgrade(
      request('POST', { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v5.channel.k8s.io, v4.channel.k8s.io' }),
      opts,
    );
    expect(isUpgradeRejection(p) ? p : { transport: p.transport, protocol: p.protocol }).toEqual({
      transport: 'spdy',
      protocol: 'v4.channel.k8s.io',
    });
  });

  it('rejects requests that are no upgrade, bad handshakes and unknown protocols', () => {
    expect(prepareRemoteCommandUpgrade(request('POST', {}), opts)).toEqual({
      code: 400,
      message: 'unable to upgrade: missing upgrade headers in request',
    });
    expect(prepareRemoteCommandUpgrade(ws({ 'Sec-WebSocket-Key': 'short' }), opts)).toMatchObject({ code: 400 });
    expect(prepareRemoteCommandUpgrade(ws({ 'Sec-WebSocket-Protocol': 'chat' }), opts)).toEqual({
      code: 403,
      message:
        'requested protocol(s) are not supported: [chat]; supports [v5.channel.k8s.io v4.channel.k8s.io v4.base64.channel.k8s.io channel.k8s.io base64.channel.k8s.io]',
    });
    expect(
      prepareRemoteCommandUpgrade(request('POST', { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v9' }), opts),
    ).toMatchObject({ code: 403 });
  });
});

describe('handleRemoteCommandUpgrade', () => {
  it('answers a rejected upgrade with a Status and closes the socket', async () => {
    const [server, client] = duplexPair();
    const chunks: Buffer[] = [];
    client.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => client.on('end', resolve));
    await expect(handleRemoteCommandUpgrade(request('GET', {}), server, Buffer.alloc(0), opts)).rejects.toThrow(
      'unable to upgrade: missing upgrade headers in request',
    );
    await ended;
    const text = Buffer.concat(chunks).toString();
    expect(text.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'unable to upgrade: missing upgrade headers in request',
      reason: 'BadRequest',
      code: 400,
    });
  });
});
