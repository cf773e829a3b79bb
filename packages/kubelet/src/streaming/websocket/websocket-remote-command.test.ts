import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseRemoteCommandOptions } from '../remote-command-options.js';
import type { RemoteCommandStreams } from '../remote-command-streams.js';
import { handleRemoteCommandUpgrade } from '../remote-command-upgrade.js';

interface Session {
  client: WebSocket;
  streams: RemoteCommandStreams;
  messages: { data: Buffer; binary: boolean }[];
  closeCode: Promise<number>;
  next(): Promise<{ data: Buffer; binary: boolean }>;
}

let servers: Server[] = [];

afterEach(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  servers = [];
});

async function connect(query: string, protocols: string[]): Promise<Session> {
  let resolveStreams: (s: RemoteCommandStreams) => void = () => undefined;
  const streamsReady = new Promise<RemoteCommandStreams>((resolve) => (resolveStreams = resolve));
  const server = createServer();
  servers.push(server);
  server.on('upgrade', (req, socket, head) => {
    const opts = parseRemoteCommandOptions(new URL(req.url ?? '/', 'http://x').searchParams);
    if (typeof opts === 'string') throw new Error(opts);
    handleRemoteCommandUpgrade(req, socket, head, opts).then(resolveStreams, () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new WebSocket(`ws://127.0.0.1:${port}/exec?${query}`, protocols);
  const messages: { data: Buffer; binary: boolean }[] = [];
  let waiters: (() => void)[] = [];
  client.on('message', (data, binary) => {
    messages.push({ data: Buffer.from(data as Buffer), binary });
    for (const w of waiters.splice(0)) w();
  });
  const closeCode = new Promise<number>((resolve) => client.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    client.on('open', () => resolve());
    client.on('error', reject);
  });
  let taken = 0;
  const next = async (): Promise<{ data: Buffer; binary: boolean }> => {
    while (messages.length <= taken) await new Promise<void>((resolve) => (waiters = [...waiters, resolve]));
    return messages[taken++] as { data: Buffer; binary: boolean };
  };
  return { client, streams: await streamsReady, messages, closeCode, next };
}

function readAll(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => s.on('end', () => resolve(Buffer.concat(chunks).toString())));
}

describe('WebSocket remotecommand', () => {
  it('speaks v5: channel bytes, stdin until the close signal, status on channel 3, then close 1000', async () => {
    const s = await connect('input=1&output=1&error=1', ['v5.channel.k8s.io']);
    expect(s.client.protocol).toBe('v5.channel.k8s.io');
    expect(s.streams.protocol).toBe('v5.channel.k8s.io');
    expect(await s.next()).toEqual({ data: Buffer.from([1]), binary: true });
    const stdin = readAll(s.streams.stdin as NodeJS.ReadableStream);
    s.client.send(Buffer.from([0, ...Buffer.from('some input\n')]));
    s.client.send(Buffer.from([255, 0]));
    expect(await stdin).toBe('some input\n');
    s.streams.stdout?.write('out');
    s.streams.stderr?.write('err');
    s.streams.sendStatus(3, ['sh', '-c', 'exit 3']);
    s.streams.close();
    expect(await s.closeCode).toBe(1000);
    expect(s.messages.slice(1).map((m) => [m.data[0], m.data.subarray(1).toString()])).toEqual([
      [1, 'out'],
      [2, 'err'],
      [
        3,
        '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}',
      ],
    ]);
  });

  it('delivers resize messages with a terminal', async () => {
    const s = await connect('input=1&output=1&tty=1', ['v5.channel.k8s.io']);
    expect(s.streams.stderr).toBeUndefined();
    const sizes = s.streams.resize[Symbol.asyncIterator]();
    s.client.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":80,"Height":24}\n')]));
    s.client.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":100,')]));
    s.client.send(Buffer.concat([Buffer.from([4]), Buffer.from('"Height":30}\n')]));
    expect(await sizes.next()).toEqual({ value: { width: 80, height: 24 }, done: false });
    expect(await sizes.next()).toEqual({ value: { width: 100, height: 30 }, done: false });
    s.client.close();
    expect(await sizes.next()).toEqual({ value: undefined, done: true });
    await s.streams.closed;
  });

  it('uses text messages with an ASCII channel and base64 for v4.base64', async () => {
    const s = await connect('output=1', ['v4.base64.channel.k8s.io']);
    expect(await s.next()).toEqual({ data: Buffer.from('1'), binary: false });
    s.streams.stdout?.write('hi');
    s.streams.sendStatus(0, ['true']);
    s.streams.close();
    await s.closeCode;
    expect(s.messages.slice(1).map((m) => [m.binary, m.data.toString()])).toEqual([
      [false, `1${Buffer.from('hi').toString('base64')}`],
      [false, `3${Buffer.from('{"metadata":{},"status":"Success"}').toString('base64')}`],
    ]);
  });

  it('writes only the message of a failure and nothing on success with channel.k8s.io', async () => {
    const failed = await connect('output=1', ['channel.k8s.io']);
    failed.streams.sendStatus(2, ['false']);
    failed.streams.close();
    await failed.closeCode;
    expect(failed.messages.map((m) => m.data.toString('latin1'))).toEqual([
      '\x01',
      '\x03command terminated with non-zero exit code: error executing command [false], exit code 2',
    ]);
    const ok = await connect('output=1', ['channel.k8s.io']);
    ok.streams.sendStatus(0, ['true']);
    ok.streams.close();
    await ok.closeCode;
    expect(ok.messages.map((m) => m.data.toString('latin1'))).toEqual(['\x01']);
  });

  it('answers heartbeat pings', async () => {
    const s = await connect('output=1', ['v5.channel.k8s.io']);
    const pong = new Promise<Buffer>((resolve) => s.client.on('pong', (data) => resolve(Buffer.from(data))));
    s.client.ping(Buffer.from('heartbeat'));
    expect((await pong).toString()).toBe('heartbeat');
    s.client.close();
    await s.streams.closed;
  });

  it('ends stdin and reports closed when the client disconnects', async () => {
    const s = await connect('input=1&error=1', ['v4.channel.k8s.io']);
    expect(await s.next()).toEqual({ data: Buffer.from([2]), binary: true });
    const stdin = readAll(s.streams.stdin as NodeJS.ReadableStream);
    s.client.send(Buffer.from([0, 0x61]));
    s.client.terminate();
    await s.streams.closed;
    expect(await stdin).toBe('a');
  });
});
