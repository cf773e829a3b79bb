import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { runTcpProbe } from './tcp-probe.js';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('runTcpProbe', () => {
  it('succeeds when the port accepts connections', async () => {
    expect(await runTcpProbe(realClock, { host: '127.0.0.1', port, timeoutMs: 5000 })).toEqual({ result: 'success', output: '' });
  });

  it('fails with the dial error when nothing listens', async () => {
    const probeServer = createServer();
    await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
    const free = (probeServer.address() as AddressInfo).port;
    await new Promise((resolve) => probeServer.close(resolve));
    expect(await runTcpProbe(realClock, { host: '127.0.0.1', port: free, timeoutMs: 5000 })).toEqual({
      result: 'failure',
      output: `dial tcp 127.0.0.1:${free}: connect: connection refused`,
    });
  });

  it('fails with i/o timeout when the clock passes the timeout first', async () => {
    const clock = new FakeClock();
    let destroyed = false;
    const pending = Object.assign(new EventEmitter(), { destroy: () => (destroyed = true) }) as unknown as Socket;
    const p = runTcpProbe(clock, { host: '10.244.0.9', port: 80, timeoutMs: 1000 }, () => pending);
    await clock.waitForSleepers(1);
    clock.advance(1000);
    expect(await p).toEqual({ result: 'failure', output: 'dial tcp 10.244.0.9:80: i/o timeout' });
    expect(destroyed).toBe(true);
  });
});
