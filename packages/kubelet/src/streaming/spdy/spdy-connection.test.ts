import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { duplexPair } from '../testing/duplex-pair.js';
import { SpdyTestClient } from '../testing/spdy-test-client.js';
import { SpdyConnection } from './spdy-connection.js';
import type { SpdyFrame } from './spdy-frames.js';
import {
  encodeGoAway,
  encodePing,
  encodeRstStream,
  encodeSettings,
  encodeWindowUpdate,
  FLAG_FIN,
  FLAG_UNIDIRECTIONAL,
  RST_STATUS,
} from './spdy-frames.js';
import type { SpdyStream } from './spdy-stream.js';

type Frame<T extends SpdyFrame['type']> = Extract<SpdyFrame, { type: T }>;
const is =
  <T extends SpdyFrame['type']>(type: T, extra: (f: Frame<T>) => boolean = () => true) =>
  (f: SpdyFrame): f is Frame<T> =>
    f.type === type && extra(f as Frame<T>);

let sockets: Duplex[] = [];

function setup(): { client: SpdyTestClient; streams: SpdyStream[]; next: () => Promise<SpdyStream>; closed: Promise<void> } {
  const [server, clientEnd] = duplexPair();
  sockets.push(server, clientEnd);
  const streams: SpdyStream[] = [];
  const waiters: (() => void)[] = [];
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  new SpdyConnection(server, Buffer.alloc(0), {
    onStream: (s) => {
      streams.push(s);
      for (const w of waiters.splice(0)) w();
    },
    onClose: onClosed,
  });
  let taken = 0;
  const next = async (): Promise<SpdyStream> => {
    while (streams.length <= taken) await new Promise<void>((resolve) => waiters.push(resolve));
    return streams[taken++] as SpdyStream;
  };
  return { client: new SpdyTestClient(clientEnd), streams, next, closed };
}

function read(stream: SpdyStream): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
}

afterEach(() => {
  for (const s of sockets) s.destroy();
  sockets = [];
});

describe('SpdyConnection', () => {
  it('answers each new stream with an empty SYN_REPLY and hands it over with its headers', async () => {
    const { client, next } = setup();
    const id = client.openStream({ streamtype: 'error' });
    const stream = await next();
    expect(stream.id).toBe(id);
    expect(stream.header('streamtype')).toBe('error');
    await client.waitFor(is('syn_reply', (f) => f.streamId === id));
    expect(client.replyHeaders.get(id)).toEqual(new Map());
  });

  it('delivers DATA until FIN and acknowledges it per stream and per session', async () => {
    const { client, next } = setup();
    const id = client.openStream({ streamtype: 'stdin' });
    const stream = await next();
    const text = read(stream);
    client.sendData(id, 'hello ');
    client.sendData(id, 'world', FLAG_FIN);
    expect(await text).toBe('hello world');
    await client.waitFor(is('window_update', (f) => f.streamId === 0 && f.delta === 6));
    await client.waitFor(is('window_update', (f) => f.streamId === id && f.delta === 6));
  });

  it('writes DATA and FIN for what the stream writes', async () => {
    const { client, next } = setup();
    const id = client.openStream({ streamtype: 'stdout' });
    const stream = await next();
    stream.end('output');
    await client.waitFor(is('data', (f) => f.streamId === id && (f.flags & FLAG_FIN) === FLAG_FIN));
    expect(client.dataOf(id)).toEqual({ data: Buffer.from('output'), fin: true });
  });

  it('echoes the client pings but not replies to its own', async () => {
    const { client } = setup();
    client.send(encodePing(2));
    client.send(encodePing(1));
    await client.waitFor(is('ping', (f) => f.id === 1));
    expect(client.frames.filter((f) => f.type === 'ping')).toEqual([{ type: 'ping', id: 1 }]);
  });

  it('ends a stream the client resets and drops later writes', async () => {
    const { client, next } = setup();
    const id = client.openStream({ streamtype: 'stdout' });
    const stream = await next();
    const ended = read(stream);
    client.send(encodeRstStream(id, RST_STATUS.CANCEL));
    expect(await ended).toBe('');
    stream.end('late');
    client.send(encodePing(5));
    await client.waitFor(is('ping'));
    expect(client.dataOf(id)).toEqual({ data: Buffer.alloc(0), fin: false });
  });

  it('refuses streams with even or repeated ids', async () => {
    const { client } = setup();
    client.openStream({ streamtype: 'error' });
    (client as unknown as { nextId: number }).nextId = 1;
    client.openStream({ streamtype: 'stdin' });
    await client.waitFor(is('rst_stream', (f) => f.streamId === 1 && f.status === RST_STATUS.PROTOCOL_ERROR));
  });

  it('treats a SYN_STREAM with FIN as a stream without client data, and UNIDIRECTIONAL as one we cannot write', async () => {
    const { client, next } = setup();
    client.openStream({ streamtype: 'error' }, FLAG_FIN | FLAG_UNIDIRECTIONAL);
    const stream = await next();
    expect(await read(stream)).toBe('');
    stream.end('ignored');
    client.send(encodePing(1));
    await client.waitFor(is('ping'));
    expect(client.frames.some((f) => f.type === 'data')).toBe(false);
  });

  it('holds data back once the client keeps windows, until it opens them', async () => {
    const { client, next } = setup();
    client.send(encodeSettings([{ flags: 0, id: 7, value: 4 }]));
    const id = client.openStream({ streamtype: 'stdout' });
    const stream = await next();
    stream.write('abcdefgh');
    await client.waitFor(is('data', (f) => f.streamId === id));
    client.send(encodePing(1));
    await client.waitFor(is('ping'));
    expect(client.dataOf(id).data.toString()).toBe('abcd');
    client.send(encodeWindowUpdate(id, 4));
    await client.waitFor(is('data', (f) => f.streamId === id && f.data.toString() === 'efgh'));
    expect(client.dataOf(id).data.toString()).toBe('abcdefgh');
  });

  it('honours the session window as well as the stream window', async () => {
    const { client, next } = setup();
    const id = client.openStream({ streamtype: 'stdout' });
    const stream = await next();
    client.send(encodeWindowUpdate(id, 100));
    stream.write(Buffer.alloc(64 * 1024 + 10, 0x61));
    await client.waitFor(is('data', (f) => f.streamId === id));
    client.send(encodePing(1));
    await client.waitFor(is('ping'));
    expect(client.dataOf(id).data.length).toBe(64 * 1024);
    client.send(encodeWindowUpdate(0, 10));
    await client.waitFor(() => client.dataOf(id).data.length === 64 * 1024 + 10);
  });

  it('sends GOAWAY naming the last stream on close, and refuses streams after the client goes away', async () => {
    const { client } = setup();
    const [server2, client2end] = duplexPair();
    sockets.push(server2, client2end);
    const conn = new SpdyConnection(server2, Buffer.alloc(0), { onStream: () => undefined });
    const client2 = new SpdyTestClient(client2end);
    client2.openStream({ streamtype: 'error' });
    await client2.waitFor(is('syn_reply'));
    conn.close();
    await client2.waitFor(is('goaway', (f) => f.lastGoodStreamId === 1 && f.status === 0));

    client.send(encodeGoAway(0, 0));
    const id = client.openStream({ streamtype: 'error' });
    await client.waitFor(is('rst_stream', (f) => f.streamId === id && f.status === RST_STATUS.REFUSED_STREAM));
  });

  it('ends the session when the client half-closes the connection', async () => {
    const { client, next, closed } = setup();
    client.openStream({ streamtype: 'stdin' });
    const stream = await next();
    const ended = read(stream);
    const serverEnded = new Promise((resolve) => client.socket.on('end', resolve));
    client.socket.end();
    await serverEnded;
    await closed;
    expect(await ended).toBe('');
  });

  it('reports the end of the socket and ends open streams', async () => {
    const { client, next, closed } = setup();
    client.openStream({ streamtype: 'stdin' });
    const stream = await next();
    const ended = read(stream);
    client.socket.destroy();
    await closed;
    expect(await ended).toBe('');
  });
});
