import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { isUpgradeRejection } from '../remote-command-upgrade.js';
import { statusBody, writeUpgradeError } from '../upgrade-response.js';
import { duplexPair } from '../testing/duplex-pair.js';
import type { PortForwarder } from './port-forwarder.js';
import { relay } from './port-forwarder.js';
import { preparePortForwardUpgrade } from './port-forward-upgrade.js';
import { DialError } from './tcp-dialer.js';

/** Port 80 answers the first message in upper case and hangs up; nothing listens on 81. */
const forwarder: PortForwarder = {
  podName: 'sandbox-1',
  uid: '',
  portForward: (port, stream) => {
    if (port !== 80) return Promise.reject(new DialError(`dial tcp 10.244.0.7:${port}: connect: connection refused`, 'ECONNREFUSED'));
    const [socket, pod] = duplexPair();
    pod.once('data', (c: Buffer) => pod.end(c.toString().toUpperCase()));
    return relay(stream, socket);
  },
};

let servers: Server[] = [];

afterEach(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  servers = [];
});

async function startServer(): Promise<number> {
  const server = createServer();
  servers.push(server);
  server.on('upgrade', (req, socket, head) => {
    const prepared = preparePortForwardUpgrade(req, new URL(req.url ?? '/', 'http://x').searchParams);
    if (isUpgradeRejection(prepared)) writeUpgradeError(socket, prepared.code, statusBody(prepared.code, prepared.message));
    else void prepared.serve(socket, head, forwarder);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function refusal(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; message: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: headers.Upgrade === 'websocket' ? 'GET' : 'POST', headers });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, message: (JSON.parse(body) as { message: string }).message }));
    });
    req.on('upgrade', () => reject(new Error('upgraded')));
    req.on('error', reject);
    req.end();
  });
}

const WS = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };

describe('preparePortForwardUpgrade refusals', () => {
  it('answers bad requests before switching protocols', async () => {
    const port = await startServer();
    expect(await refusal(port, '/', { Connection: 'Upgrade', Upgrade: 'h2c' })).toEqual({ status: 400, message: 'unable to upgrade: missing upgrade headers in request' });
    expect(await refusal(port, '/', { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' })).toEqual({
      status: 403,
      message: 'unable to upgrade: unable to negotiate protocol: client supports [v4.channel.k8s.io], server accepts [portforward.k8s.io]',
    });
    expect(await refusal(port, '/', { ...WS, 'Sec-WebSocket-Protocol': 'SPDY/3.1+v9.portforward.k8s.io' })).toMatchObject({ status: 403 });
    expect(await refusal(port, '/', { ...WS, 'Sec-WebSocket-Protocol': 'v4.channel.k8s.io' })).toEqual({ status: 400, message: 'query parameter "port" is required' });
    expect(await refusal(port, '/?port=80', { ...WS, 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io' })).toEqual({
      status: 403,
      message: 'requested protocol(s) are not supported: [v5.channel.k8s.io]; supports [ v4.channel.k8s.io v4.base64.channel.k8s.io]',
    });
  });
});

describe('port-forward over the plain WebSocket protocol', () => {
  async function session(query: string, protocol: string): Promise<{ client: WebSocket; messages: Buffer[]; texts: string[]; closed: Promise<number> }> {
    const port = await startServer();
    const client = new WebSocket(`ws://127.0.0.1:${port}/portForward/default/web?${query}`, protocol);
    const messages: Buffer[] = [];
    const texts: string[] = [];
    client.on('message', (data, isBinary) => (isBinary ? messages.push(Buffer.from(data as Buffer)) : texts.push(String(data as Buffer))));
    const closed = new Promise<number>((resolve) => client.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      client.on('open', resolve);
      client.on('error', reject);
    });
    return { client, messages, texts, closed };
  }

  it('opens each channel with its port, forwards data channel 2i, reports failures on 2i+1, then closes', async () => {
    const s = await session('port=80,81', 'v4.channel.k8s.io');
    expect(s.client.protocol).toBe('v4.channel.k8s.io');
    s.client.send(Buffer.concat([Buffer.from([0]), Buffer.from('hello')]));
    expect(await s.closed).toBe(1000);
    const byChannel = (ch: number) => s.messages.filter((m) => m[0] === ch).map((m) => m.subarray(1));
    expect(byChannel(0)).toEqual([Buffer.from([80, 0]), Buffer.from('HELLO')]);
    expect(byChannel(1)).toEqual([Buffer.from([80, 0])]);
    expect(byChannel(2)).toEqual([Buffer.from([81, 0])]);
    const [prefix, failure] = byChannel(3);
    expect(prefix).toEqual(Buffer.from([81, 0]));
    expect(JSON.parse(String(failure))).toEqual({
      closeConnection: true,
      message: 'error forwarding port 81 to pod sandbox-1, uid : dial tcp 10.244.0.7:81: connect: connection refused',
    });
  });

  it('speaks base64 text messages with v4.base64.channel.k8s.io', async () => {
    const s = await session('port=80', 'v4.base64.channel.k8s.io');
    s.client.send(`0${Buffer.from('abc').toString('base64')}`);
    expect(await s.closed).toBe(1000);
    expect(s.texts).toEqual([`0${Buffer.from([80, 0]).toString('base64')}`, `1${Buffer.from([80, 0]).toString('base64')}`, `0${Buffer.from('ABC').toString('base64')}`]);
  });
});
