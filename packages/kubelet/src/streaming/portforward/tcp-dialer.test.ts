import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { dialErrorMessage, dialTcp } from './tcp-dialer.js';

describe('dialErrorMessage', () => {
  it('reads as Go net.Dial errors', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(dialErrorMessage('10.244.0.5', 80, err('ECONNREFUSED'))).toBe('dial tcp 10.244.0.5:80: connect: connection refused');
    expect(dialErrorMessage('10.244.0.5', 80, err('EHOSTUNREACH'))).toBe('dial tcp 10.244.0.5:80: connect: no route to host');
    expect(dialErrorMessage('fd00::5', 80, err('ETIMEDOUT'))).toBe('dial tcp [fd00::5]:80: i/o timeout');
    expect(dialErrorMessage('10.244.0.5', 80, new Error('odd'))).toBe('dial tcp 10.244.0.5:80: odd');
  });
});

describe('dialTcp', () => {
  it('connects, and rejects a closed port with the Go message', async () => {
    const server = net.createServer((s) => s.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const socket = await dialTcp('127.0.0.1', port);
    const got = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
    });
    expect(got).toBe('hi');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(dialTcp('127.0.0.1', port)).rejects.toMatchObject({
      name: 'DialError',
      code: 'ECONNREFUSED',
      message: `dial tcp 127.0.0.1:${port}: connect: connection refused`,
    });
  });
});
