import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpdyFrame } from '../spdy/spdy-frames.js';
import { FLAG_FIN, RST_STATUS } from '../spdy/spdy-frames.js';
import { duplexPair } from '../testing/duplex-pair.js';
import { SpdyTestClient } from '../testing/spdy-test-client.js';
import type { PortForwarder } from './port-forwarder.js';
import { relay } from './port-forwarder.js';
import { serveSpdyPortForward } from './spdy-port-forward.js';
import { DialError } from './tcp-dialer.js';

let sockets: Duplex[] = [];

afterEach(() => {
  for (const s of sockets) s.destroy();
  sockets = [];
});

/** A pod whose port 80 answers in upper case until the client ends; nothing listens on 81. */
const forwarder: PortForwarder = {
  podName: 'sandbox-1',
  uid: '',
  portForward: (port, stream) => {
    if (port !== 80) return Promise.reject(new DialError(`dial tcp 10.244.0.7:${port}: connect: connection refused`, 'ECONNREFUSED'));
    const [socket, pod] = duplexPair();
    pod.on('data', (c: Buffer) => pod.write(c.toString().toUpperCase()));
    pod.on('end', () => pod.end());
    return relay(stream, socket);
  },
};

function setup(timeoutMs?: number): { client: SpdyTestClient; closed: Promise<void> } {
  const [server, clientEnd] = duplexPair();
  sockets.push(server, clientEnd);
  const closed = serveSpdyPortForward(server, Buffer.alloc(0), forwarder, { streamCreationTimeoutMs: timeoutMs, connectionName: 'test' });
  return { client: new SpdyTestClient(clientEnd), closed };
}

const finOf = (id: number) => (f: SpdyFrame) => f.type === 'data' && f.streamId === id && (f.flags & FLAG_FIN) === 1;

/** As kubectl does per connection: an error stream it ends at once, then a data stream. */
function openPair(client: SpdyTestClient, port: number, requestId?: string): { error: number; data: number } {
  const base: Record<string, string> = { port: String(port), ...(requestId === undefined ? {} : { requestid: requestId }) };
  const error = client.openStream({ ...base, streamtype: 'error' });
  client.sendData(error, '', FLAG_FIN);
  const data = client.openStream({ ...base, streamtype: 'data' });
  return { error, data };
}

describe('serveSpdyPortForward', () => {
  it('forwards each stream pair to its port and closes both streams when the pod is done', async () => {
    const { client } = setup();
    const a = openPair(client, 80, '0');
    const b = openPair(client, 80, '1');
    client.sendData(b.data, 'second', FLAG_FIN);
    client.sendData(a.data, 'first');
    client.sendData(a.data, ' connection', FLAG_FIN);
    for (const id of [a.data, a.error, b.data, b.error]) await client.waitFor(finOf(id));
    expect(client.dataOf(a.data).data.toString()).toBe('FIRST CONNECTION');
    expect(client.dataOf(b.data).data.toString()).toBe('SECOND');
    expect(client.dataOf(a.error).data.length).toBe(0);
    expect(client.frames.filter((f) => f.type === 'syn_reply')).toHaveLength(4);
  });

  it('pairs the streams of clients that send no request ID by stream ID', async () => {
    const { client } = setup();
    const { error, data } = openPair(client, 80);
    client.sendData(data, 'legacy', FLAG_FIN);
    await client.waitFor(finOf(error));
    expect(client.dataOf(data).data.toString()).toBe('LEGACY');
  });

  it('writes a failure on the error stream as a portForwardErrResponse', async () => {
    const { client } = setup();
    const { error, data } = openPair(client, 81, '0');
    await client.waitFor(finOf(error));
    await client.waitFor(finOf(data));
    expect(JSON.parse(client.dataOf(error).data.toString())).toEqual({
      closeConnection: true,
      message: 'error forwarding port 81 to pod sandbox-1, uid : dial tcp 10.244.0.7:81: connect: connection refused',
    });
  });

  it('resets streams with bad headers without a reply', async () => {
    const { client } = setup();
    const bad = client.openStream({ streamtype: 'data' });
    const rst = await client.waitFor((f) => f.type === 'rst_stream' && f.streamId === bad);
    expect(rst).toMatchObject({ status: RST_STATUS.CANCEL });
    expect(client.frames.some((f) => f.type === 'syn_reply' && f.streamId === bad)).toBe(false);
  });

  it('reports a second stream of one type, and a pair left incomplete past the creation timeout', async () => {
    const { client } = setup(50);
    const error = client.openStream({ port: '80', streamtype: 'error', requestid: '5' });
    client.openStream({ port: '80', streamtype: 'error', requestid: '5' });
    await client.waitFor(finOf(error));
    expect(client.dataOf(error).data.toString()).toBe(
      'error processing stream for request 5: error stream already assigned(conn=test, request=5) timed out waiting for streams',
    );
  });

  it('resolves when the client hangs up', async () => {
    const { client, closed } = setup();
    openPair(client, 80, '0');
    client.socket.destroy();
    await closed;
  });
});
