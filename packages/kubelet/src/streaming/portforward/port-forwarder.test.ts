import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duplexPair } from '../testing/duplex-pair.js';
import { createTcpPortForwarder, relay } from './port-forwarder.js';

function collect(s: Duplex): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    s.on('data', (c: Buffer) => (text += c.toString()));
    s.on('end', () => resolve(text));
  });
}

describe('relay', () => {
  it('copies both ways and is done when the pod has ended its side', async () => {
    const [stream, client] = duplexPair();
    const [socket, pod] = duplexPair();
    const done = relay(stream, socket);
    const atClient = collect(client);
    client.write('request');
    const atPod = await new Promise<Buffer>((resolve) => pod.once('data', resolve));
    expect(atPod.toString()).toBe('request');
    pod.end('response');
    await done;
    expect(await atClient).toBe('response');
    expect(socket.destroyed).toBe(true);
  });

  it('passes the client end of data to the pod, which may still answer', async () => {
    const [stream, client] = duplexPair();
    const [socket, pod] = duplexPair();
    const done = relay(stream, socket);
    const atClient = collect(client);
    pod.on('end', () => pod.end('bye'));
    const atPod = collect(pod);
    client.end('last words');
    expect(await atPod).toBe('last words');
    await done;
    expect(await atClient).toBe('bye');
  });

  it('stops when the client stream is reset, and rejects on a socket error', async () => {
    const [stream] = duplexPair();
    const [socket] = duplexPair();
    const done = relay(stream, socket);
    stream.emit('aborted');
    await done;
    expect(socket.destroyed).toBe(true);

    const [stream2] = duplexPair();
    const [socket2] = duplexPair();
    const failed = relay(stream2, socket2);
    socket2.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    await expect(failed).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('createTcpPortForwarder', () => {
  it('dials the host at the requested port and relays', async () => {
    const dialed: string[] = [];
    const [socket, pod] = duplexPair();
    const forwarder = createTcpPortForwarder({
      podName: 'sb',
      uid: 'u',
      host: '10.244.0.9',
      dial: (host, port) => {
        dialed.push(`${host}:${port}`);
        return Promise.resolve(socket);
      },
    });
    const [stream, client] = duplexPair();
    const atClient = collect(client);
    pod.end('hello');
    await forwarder.portForward(8080, stream);
    expect(dialed).toEqual(['10.244.0.9:8080']);
    expect(await atClient).toBe('hello');
    expect(forwarder).toMatchObject({ podName: 'sb', uid: 'u' });
  });
});
