/**
 * pods/log and pods/exec are proxied to the kubelet of the pod's node, found from the Node's
 * status. A stand-in kubelet (HTTPS, the kubelet API paths, exec over WebSocket v5) answers here.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { raw } from './http-client.js';

let c: TestCluster;
let kubelet: https.Server;
const seen: string[] = [];

async function startStandInKubelet(): Promise<number> {
  const ca = await createCertificateAuthority({ commonName: 'stand-in-kubelet-ca' });
  const cert = await issueCertificate(ca, { commonName: 'node1', ipAddresses: ['127.0.0.1'], usage: 'server' });
  kubelet = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/containerLogs/default/web/main')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('line one\nline two\n');
      return;
    }
    if (req.url?.startsWith('/containerLogs/default/web/init')) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'container "init" in pod "web" is waiting to start: PodInitializing', reason: 'BadRequest', code: 400 }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
  kubelet.on('upgrade', (req, socket, head) => {
    seen.push(req.url ?? '');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const url = new URL(req.url ?? '/', 'https://kubelet');
      const out = `ran ${url.searchParams.getAll('command').join(' ')}\n`;
      ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(out)]));
      ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify({ metadata: {}, status: 'Failure', message: 'command terminated with non-zero exit code: error executing command, exit code 3', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } }))]));
      ws.close(1000);
    });
  });
  await new Promise<void>((r) => kubelet.listen(0, '127.0.0.1', r));
  return (kubelet.address() as AddressInfo).port;
}

beforeAll(async () => {
  c = await startTestCluster();
  const port = await startStandInKubelet();
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node1' },
    status: { addresses: [{ type: 'InternalIP', address: '127.0.0.1' }], daemonEndpoints: { kubeletEndpoint: { Port: port } } },
  };
  expect((await raw(c, 'POST', '/api/v1/nodes', { body: JSON.stringify(node) })).status).toBe(201);
  const n = (await raw(c, 'GET', '/api/v1/nodes/node1')).json<Record<string, unknown>>();
  expect((await raw(c, 'PUT', '/api/v1/nodes/node1/status', { body: JSON.stringify({ ...n, status: node.status }) })).status).toBe(200);
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { nodeName: 'node1', initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'main', image: 'busybox' }] },
  };
  expect((await raw(c, 'POST', '/api/v1/namespaces/default/pods', { body: JSON.stringify(pod) })).status).toBe(201);
  await raw(c, 'PATCH', '/api/v1/namespaces/default/pods/web/status', { body: '{"status":{"phase":"Running"}}', contentType: 'application/merge-patch+json' });
});
afterAll(async () => {
  kubelet?.closeAllConnections();
  await new Promise((r) => kubelet?.close(r));
  await c?.stop();
});

describe('kubelet proxy', () => {
  it('streams kubectl logs from the kubelet', async () => {
    const r = await c.kubectl(['logs', 'web', '-c', 'main', '--tail=5', '--timestamps']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('line one\nline two\n');
    const url = new URL(seen.find((u) => u.startsWith('/containerLogs/default/web/main')) ?? '/', 'https://kubelet');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tailLines: '5', timestamps: 'true' });
  });

  it('relays the kubelet Status for a container that has not started', async () => {
    const r = await c.kubectl(['logs', 'web', '-c', 'init']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (BadRequest): container "init" in pod "web" is waiting to start: PodInitializing');
  });

  it('refuses a container the pod does not have, before reaching the kubelet', async () => {
    const before = seen.length;
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/pods/web/log?container=nope');
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ reason: 'BadRequest', message: 'container nope is not valid for pod web' });
    const multi = await raw(c, 'GET', '/api/v1/namespaces/default/pods/web/log');
    expect(multi.status).toBe(200); // one regular container: it is the default
    expect(seen.length).toBe(before + 1);
  });

  it('forwards kubectl exec over WebSocket and returns the exit code', async () => {
    const r = await c.kubectl(['exec', 'web', '-c', 'main', '--', 'sh', '-c', 'exit 3']);
    expect(r.stdout).toBe('ran sh -c exit 3\n');
    expect(r.stderr.trim()).toBe('command terminated with exit code 3');
    expect(r.code).toBe(3);
    expect(seen.some((u) => u.startsWith('/exec/default/web/main?command=sh&command=-c&command=exit+3&output=1&error=1'))).toBe(true);
  });

  it('lets only authorized users exec', async () => {
    const r = await c.kubectl(['exec', 'web', '--', 'true'], { as: 'jane' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Forbidden');
  });
});
