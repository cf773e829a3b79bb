import { createServer, type Http2Server } from 'node:http2';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { decodeHealthCheckStatus, encodeHealthCheckRequest, runGrpcProbe } from './grpc-probe.js';

const STATUS: Record<string, number> = { '': 1, ready: 1, draining: 2 };
let server: Http2Server;
let port: number;
let userAgent = '';

beforeAll(async () => {
  server = createServer();
  server.on('stream', (stream, headers) => {
    userAgent = String(headers['user-agent']);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      const msg = body.subarray(5);
      const service = msg.length > 2 ? msg.subarray(2).toString('utf8') : '';
      if (headers[':path'] !== '/grpc.health.v1.Health/Check' || service === 'legacy') {
        stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12', 'grpc-message': 'unknown service grpc.health.v1.Health' }, { endStream: true });
        return;
      }
      const status = STATUS[service];
      if (status === undefined) {
        stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '5', 'grpc-message': 'unknown service' }, { endStream: true });
        return;
      }
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(Buffer.from([0, 0, 0, 0, 2, 0x08, status]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const probe = (service: string) => runGrpcProbe(realClock, { host: '127.0.0.1', port, service, timeoutMs: 5000 });

describe('health check encoding', () => {
  it('frames the request and reads the status', () => {
    expect(encodeHealthCheckRequest('')).toEqual(Buffer.from([0, 0, 0, 0, 0]));
    expect(encodeHealthCheckRequest('db')).toEqual(Buffer.from([0, 0, 0, 0, 4, 0x0a, 2, 0x64, 0x62]));
    expect(decodeHealthCheckStatus(Buffer.from([0, 0, 0, 0, 2, 0x08, 2]))).toBe(2);
    expect(decodeHealthCheckStatus(Buffer.from([0, 0, 0, 0, 0]))).toBe(0);
  });
});

describe('runGrpcProbe', () => {
  it('succeeds when the service is SERVING', async () => {
    expect(await probe('')).toEqual({ result: 'success', output: 'service healthy' });
    expect(userAgent).toBe('kube-probe/1.32');
  });

  it('fails with the status the service reports', async () => {
    expect(await probe('draining')).toEqual({ result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' });
  });

  it('fails with upstream texts on gRPC errors', async () => {
    expect(await probe('legacy')).toEqual({
      result: 'failure',
      output: 'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health',
    });
    expect(await probe('other')).toEqual({
      result: 'failure',
      output: 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service',
    });
  });

  it('keeps dialing until the timeout when nothing listens', async () => {
    const probeServer = createNetServer();
    await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
    const free = (probeServer.address() as AddressInfo).port;
    await new Promise((resolve) => probeServer.close(resolve));
    const clock = new FakeClock();
    const p = runGrpcProbe(clock, { host: '127.0.0.1', port: free, service: '', timeoutMs: 1000 });
    await clock.waitForSleepers(2);
    clock.advance(1000);
    expect(await p).toEqual({
      result: 'failure',
      output: `timeout: failed to connect service "127.0.0.1:${free}" within 1s: context deadline exceeded`,
    });
  });
});
