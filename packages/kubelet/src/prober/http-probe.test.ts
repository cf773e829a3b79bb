import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock } from '@kubelab/api';
import { createCertificateAuthority } from '@kubelab/api/pki';
import { FakeClock } from '@kubelab/api/testing';
import { buildHttpProbeRequest, runHttpProbe } from './http-probe.js';

let server: Server;
let tlsServer: Server;
let port: number;
let tlsPort: number;
let lastHeaders: IncomingHttpHeaders = {};
let hung: () => void = () => {};
const requestArrived: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers;
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/ok':
        res.end('fine');
        return;
      case '/fail':
        res.statusCode = 500;
        res.end('broken');
        return;
      case '/moved':
        res.writeHead(302, { location: '/ok' }).end();
        return;
      case '/away':
        res.writeHead(301, { location: `http://localhost:${port}/ok` }).end('gone away');
        return;
      case '/loop':
        res.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }).end();
        return;
      case '/hang':
        hung = () => res.destroy();
        requestArrived.shift()?.();
        return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const cert = await createCertificateAuthority({ commonName: 'probe-test' });
  tlsServer = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end('secure'));
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsPort = (tlsServer.address() as AddressInfo).port;
});
afterAll(async () => {
  hung();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => tlsServer.close(resolve));
});

const probe = (path: string, extra: Record<string, unknown> = {}, clock = realClock) =>
  runHttpProbe(clock, buildHttpProbeRequest({ path, port, ...extra }, {}, '127.0.0.1', 5000));

describe('buildHttpProbeRequest', () => {
  it('defaults scheme, host, headers and resolves named ports', () => {
    const req = buildHttpProbeRequest(
      { path: 'healthz?verbose', port: 'http', httpHeaders: [{ name: 'X-Custom', value: 'v' }] },
      { ports: [{ name: 'http', containerPort: 8080 }] },
      '10.244.0.5',
      1000,
    );
    expect(req.display).toBe('http://10.244.0.5:8080/healthz?verbose');
    expect(req.headers).toEqual([
      ['X-Custom', 'v'],
      ['User-Agent', 'kube-probe/1.32'],
      ['Accept', '*/*'],
    ]);
  });
  it('keeps a given User-Agent and drops an empty Accept', () => {
    const req = buildHttpProbeRequest(
      { port: 80, scheme: 'HTTPS', host: 'fd00::1', httpHeaders: [{ name: 'user-agent', value: 'me' }, { name: 'Accept', value: '' }] },
      {},
      'ignored',
      1000,
    );
    expect(req.display).toBe('https://[fd00::1]:80/');
    expect(req.headers).toEqual([['user-agent', 'me']]);
  });
});

describe('runHttpProbe', () => {
  it('succeeds on 2xx and sends the probe headers', async () => {
    expect(await probe('/ok', { httpHeaders: [{ name: 'Host', value: 'example.test' }] })).toEqual({ result: 'success', output: 'fine' });
    expect(lastHeaders['user-agent']).toBe('kube-probe/1.32');
    expect(lastHeaders.accept).toBe('*/*');
    expect(lastHeaders.host).toBe('example.test');
    expect(lastHeaders.connection).toBe('close');
  });

  it('fails on other status codes with the upstream message', async () => {
    expect(await probe('/fail')).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  });

  it('follows same-host redirects and warns on others', async () => {
    expect(await probe('/moved')).toEqual({ result: 'success', output: 'fine' });
    expect(await probe('/away')).toEqual({ result: 'warning', output: 'Probe terminated redirects, Response body: gone away' });
  });

  it('stops after 10 redirects', async () => {
    expect(await probe('/loop')).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${port}/loop?n=10": stopped after 10 redirects`,
    });
  });

  it('speaks HTTPS without verifying the certificate', async () => {
    const out = await runHttpProbe(realClock, buildHttpProbeRequest({ port: tlsPort, scheme: 'HTTPS' }, {}, '127.0.0.1', 5000));
    expect(out).toEqual({ result: 'success', output: 'secure' });
  });

  it('reports HTTPS against a plain HTTP server as Go does', async () => {
    const out = await probe('/ok', { scheme: 'HTTPS' });
    expect(out).toEqual({
      result: 'failure',
      output: `Get "https://127.0.0.1:${port}/ok": http: server gave HTTP response to HTTPS client`,
    });
  });

  it('fails on a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const out = await runHttpProbe(realClock, buildHttpProbeRequest({ path: '/healthz', port: freePort }, {}, '127.0.0.1', 5000));
    expect(out).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${freePort}/healthz": dial tcp 127.0.0.1:${freePort}: connect: connection refused`,
    });
  });

  it('times out on the injected clock while awaiting headers', async () => {
    const clock = new FakeClock();
    const arrived = new Promise<void>((resolve) => requestArrived.push(resolve));
    const p = runHttpProbe(clock, buildHttpProbeRequest({ path: '/hang', port }, {}, '127.0.0.1', 1000));
    await arrived;
    clock.advance(1000);
    expect(await p).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${port}/hang": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    });
    hung();
  });
});
