import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebSocketTunnel } from './websocket-tunnel.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function pair(): Promise<{ tunnel: WebSocketTunnel; client: WebSocket }> {
  const wss = new WebSocketServer({ noServer: true });
  server = createServer();
  let accepted: (t: WebSocketTunnel) => void = () => undefined;
  const tunnel = new Promise<WebSocketTunnel>((resolve) => (accepted = resolve));
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => accepted(new WebSocketTunnel(ws))));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await new Promise((resolve) => client.once('open', resolve));
  return { tunnel: await tunnel, client };
}

describe('WebSocketTunnel', () => {
  it('carries bytes both ways in binary messages and ends with a normal close', async () => {
    const { tunnel, client } = await pair();
    const received: Buffer[] = [];
    client.on('message', (d) => received.push(Buffer.from(d as Buffer)));
    const closed = new Promise<number>((resolve) => client.once('close', resolve));
    client.send(Buffer.from('ping'));
    const chunk = await new Promise<Buffer>((resolve) => tunnel.once('data', resolve));
    expect(chunk.toString()).toBe('ping');
    tunnel.end(Buffer.from('pong'));
    expect(await closed).toBe(1000);
    expect(Buffer.concat(received).toString()).toBe('pong');
  });

  it('fails on a text message and ends when the client closes', async () => {
    const first = await pair();
    const failed = new Promise<Error>((resolve) => first.tunnel.once('error', resolve));
    first.client.send('text');
    expect((await failed).message).toBe('invalid message type received');

    const second = await pair();
    const ended = new Promise((resolve) => second.tunnel.once('close', resolve));
    second.tunnel.resume();
    second.client.close(1000);
    await ended;
  });
});
