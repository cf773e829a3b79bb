import { connect, type TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/index.js';

/** A client that completes the TLS handshake and then sends nothing (a probe caught mid-way). */
function idleTlsClient(port: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('ApiServer.close', () => {
  it('ends connections that have not sent a request yet, so that stopping never hangs', async () => {
    const cluster = await startTestCluster();
    const idle = await idleTlsClient(cluster.port);
    const ended = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    await cluster.stop();
    await ended;
    expect(idle.destroyed).toBe(true);
  });
});
