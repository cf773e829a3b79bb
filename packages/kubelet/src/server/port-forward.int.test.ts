/**
 * kubectl port-forward → (a minimal apiserver relaying pods/portforward byte for byte, like
 * @kubelab/apiserver) → the kubelet server → a local TCP server standing in for the pod, with
 * every kubectl from 1.27 to 1.33: SPDY for ≤ 1.30, SPDY tunnelled in a WebSocket for ≥ 1.31.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTcpPortForwarder } from '../streaming/index.js';
import type { FakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { startFakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { kubectlVersion, startKubectl } from '../streaming/testing/run-kubectl.js';
import { podDoesNotExist } from './kubelet-errors.js';
import { proxyUpgradeToKubelet } from './testing/kubelet-proxy.js';
import type { TestKubelet } from './testing/test-kubelet.js';
import { startTestKubelet } from './testing/test-kubelet.js';

let kubelet: TestKubelet;
let apiserver: FakeApiServer;
let pod: http.Server;
let podPort: number;
let closedPort: number;
const upgrades: { path: string; transport: string }[] = [];

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  pod = http.createServer((req, res) => res.end(`served ${req.url ?? ''} ${'x'.repeat(100_000)}`));
  await new Promise<void>((resolve) => pod.listen(0, '127.0.0.1', resolve));
  podPort = (pod.address() as AddressInfo).port;
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  kubelet = await startTestKubelet({
    portForward: (ref) => {
      if (ref.pod !== 'web') throw podDoesNotExist();
      return createTcpPortForwarder({ podName: 'sandbox-web', uid: '', host: '127.0.0.1' });
    },
  });
  apiserver = await startFakeApiServer({
    onUpgrade: (req, socket, head, url) => {
      const ws = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
      upgrades.push({ path: url.pathname, transport: ws ? `websocket ${req.headers['sec-websocket-protocol'] ?? ''}` : `spdy ${String(req.headers['x-stream-protocol-version'])}` });
      proxyUpgradeToKubelet(kubelet, req, socket, head, url);
    },
  });
});

afterAll(async () => {
  await apiserver?.close();
  await kubelet?.server.close();
  await new Promise<void>((resolve) => pod?.close(() => resolve()));
});

const clients: { minor: number; env: Record<string, string>; transport: string }[] = [
  { minor: 27, env: {}, transport: 'spdy portforward.k8s.io' },
  { minor: 28, env: {}, transport: 'spdy portforward.k8s.io' },
  { minor: 29, env: {}, transport: 'spdy portforward.k8s.io' },
  { minor: 30, env: {}, transport: 'spdy portforward.k8s.io' },
  { minor: 30, env: { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'true' }, transport: 'websocket SPDY/3.1+portforward.k8s.io' },
  { minor: 31, env: {}, transport: 'websocket SPDY/3.1+portforward.k8s.io' },
  { minor: 32, env: {}, transport: 'websocket SPDY/3.1+portforward.k8s.io' },
  { minor: 32, env: { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }, transport: 'spdy portforward.k8s.io' },
  { minor: 33, env: {}, transport: 'websocket SPDY/3.1+portforward.k8s.io' },
];

describe.each(clients)('kubectl 1.$minor port-forward $env', (client) => {
  it(`forwards connections over ${client.transport}`, async () => {
    upgrades.length = 0;
    const pf = startKubectl({ binary: kubectlVersion(client.minor), env: client.env, server: apiserver, args: ['port-forward', 'pod/web', `:${podPort}`] });
    try {
      const [, local] = await pf.waitForStdout(/Forwarding from 127\.0\.0\.1:(\d+) ->/);
      const first = await get(Number(local), '/one');
      const second = await get(Number(local), '/two');
      expect(first.body).toBe(`served /one ${'x'.repeat(100_000)}`);
      expect(second.body.startsWith('served /two ')).toBe(true);
      await pf.waitForStdout(/Handling connection for \d+\n.*Handling connection for/s);
    } finally {
      await pf.stop();
    }
    expect(upgrades).toEqual([{ path: '/api/v1/namespaces/default/pods/web/portforward', transport: client.transport }]);
  });
});

describe('port-forward failures', () => {
  it.each([27, 33])('reports a refused connection on the error stream; kubectl 1.%i then gives up', async (minor) => {
    const pf = startKubectl({ binary: kubectlVersion(minor), server: apiserver, args: ['port-forward', 'pod/web', `:${closedPort}`] });
    try {
      const [, local] = await pf.waitForStdout(/Forwarding from 127\.0\.0\.1:(\d+) ->/);
      await expect(get(Number(local), '/')).rejects.toThrow();
      expect(await pf.exited).toBe(1);
    } finally {
      await pf.stop();
    }
    const message = `error forwarding port ${closedPort} to pod sandbox-web, uid : dial tcp 127.0.0.1:${closedPort}: connect: connection refused`;
    expect(pf.stderr()).toContain(`-> ${closedPort}: {"closeConnection":true,"message":"${message}"}`);
    expect(pf.stderr()).toContain('error: lost connection to pod');
  });

  it('answers an unknown pod before switching protocols', async () => {
    const pf = startKubectl({ binary: kubectlVersion(33), server: apiserver, args: ['port-forward', 'pod/nope', '18999:80'] });
    expect(await pf.exited).toBe(1);
    expect(pf.stderr()).toContain('error: error upgrading connection: pod does not exist');
  });
});
