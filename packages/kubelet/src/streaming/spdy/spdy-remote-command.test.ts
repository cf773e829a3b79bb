import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { duplexPair } from '../testing/duplex-pair.js';
import { SpdyTestClient } from '../testing/spdy-test-client.js';
import type { SpdyFrame } from './spdy-frames.js';
import { FLAG_FIN } from './spdy-frames.js';
import { spdyProtocol } from './spdy-protocols.js';
import { acceptSpdyRemoteCommand, expectedStreamTypes } from './spdy-remote-command.js';

let sockets: Duplex[] = [];
afterEach(() => {
  for (const s of sockets) s.destroy();
  sockets = [];
});

const finOn = (id: number) => (f: SpdyFrame) => f.type === 'data' && f.streamId === id && (f.flags & FLAG_FIN) === FLAG_FIN;

function pair(): { server: Duplex; client: SpdyTestClient } {
  const [server, client] = duplexPair();
  sockets.push(server, client);
  return { server, client: new SpdyTestClient(client) };
}

describe('expectedStreamTypes', () => {
  it('always wants the error stream, and resize only with a terminal on v3+', () => {
    const opts = { stdin: true, stdout: true, stderr: false, tty: true };
    expect(expectedStreamTypes(opts, spdyProtocol('v4.channel.k8s.io'))).toEqual(['error', 'stdin', 'stdout', 'resize']);
    expect(expectedStreamTypes(opts, spdyProtocol('v2.channel.k8s.io'))).toEqual(['error', 'stdin', 'stdout']);
  });
});

describe('acceptSpdyRemoteCommand', () => {
  it('resolves once every expected stream exists and runs a whole v4 exchange', async () => {
    const { server, client } = pair();
    const accepted = acceptSpdyRemoteCommand(server, Buffer.alloc(0), {
      opts: { stdin: true, stdout: true, stderr: true, tty: false },
      protocol: spdyProtocol('v4.channel.k8s.io'),
    });
    const error = client.openStream({ streamtype: 'error' });
    const stdin = client.openStream({ streamtype: 'stdin' });
    const stdout = client.openStream({ streamtype: 'stdout' });
    const stderr = client.openStream({ streamtype: 'stderr' });
    const streams = await accepted;
    expect(streams.transport).toBe('spdy');
    const chunks: Buffer[] = [];
    streams.stdin?.on('data', (c: Buffer) => chunks.push(c));
    const stdinEnded = new Promise((resolve) => streams.stdin?.on('end', resolve));
    client.sendData(stdin, 'abc', FLAG_FIN);
    await stdinEnded;
    expect(Buffer.concat(chunks).toString()).toBe('abc');
    streams.stdout?.write('out');
    streams.stderr?.write('err');
    streams.sendStatus(0, ['cat']);
    streams.close();
    await client.waitFor((f) => f.type === 'goaway');
    expect(client.dataOf(stdout)).toEqual({ data: Buffer.from('out'), fin: true });
    expect(client.dataOf(stderr)).toEqual({ data: Buffer.from('err'), fin: true });
    expect(client.dataOf(error)).toEqual({ data: Buffer.from('{"metadata":{},"status":"Success"}'), fin: true });
    const order = client.frames.map((f) => f.type === 'data' && (f.flags & FLAG_FIN) ? `fin${f.streamId}` : f.type);
    expect(order.indexOf(`fin${error}`)).toBeGreaterThan(order.indexOf(`fin${stdout}`));
    expect(order.indexOf('goaway')).toBeGreaterThan(order.indexOf(`fin${error}`));
  });

  it('decodes the resize stream and writes the bare message on v3', async () => {
    const { server, client } = pair();
    const accepted = acceptSpdyRemoteCommand(server, Buffer.alloc(0), {
      opts: { stdin: false, stdout: true, stderr: false, tty: true },
      protocol: spdyProtocol('v3.channel.k8s.io'),
    });
    const error = client.openStream({ streamtype: 'error' });
    client.openStream({ streamtype: 'stdout' });
    const resize = client.openStream({ streamtype: 'resize' });
    const streams = await accepted;
    const sizes = streams.resize[Symbol.asyncIterator]();
    client.sendData(resize, '{"Width":90,"Height":30}\n');
    expect(await sizes.next()).toEqual({ value: { width: 90, height: 30 }, done: false });
    streams.sendStatus(7, ['false']);
    streams.close();
    await client.waitFor(finOn(error));
    expect(client.dataOf(error).data.toString()).toBe('command terminated with non-zero exit code: error executing command [false], exit code 7');
  });

  it('refuses unknown or duplicate stream types', async () => {
    const { server, client } = pair();
    const accepted = acceptSpdyRemoteCommand(server, Buffer.alloc(0), {
      opts: { stdin: false, stdout: true, stderr: false, tty: false },
      protocol: spdyProtocol('v4.channel.k8s.io'),
    });
    const bogus = client.openStream({ streamtype: 'bogus' });
    client.openStream({ streamtype: 'error' });
    const dup = client.openStream({ streamtype: 'error' });
    client.openStream({ streamtype: 'stdout' });
    await accepted;
    await client.waitFor((f) => f.type === 'rst_stream' && f.streamId === dup);
    expect(client.frames.filter((f) => f.type === 'rst_stream').map((f) => (f as { streamId: number }).streamId)).toEqual([bogus, dup]);
  });

  it('rejects when the client hangs up before opening its streams', async () => {
    const { server, client } = pair();
    const accepted = acceptSpdyRemoteCommand(server, Buffer.alloc(0), {
      opts: { stdin: false, stdout: true, stderr: false, tty: false },
      protocol: spdyProtocol('v4.channel.k8s.io'),
    });
    client.openStream({ streamtype: 'error' });
    client.socket.destroy();
    await expect(accepted).rejects.toThrow('connection closed before all streams were created');
  });
});
