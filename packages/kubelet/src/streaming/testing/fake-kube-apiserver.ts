/**
 * Just enough of a kube-apiserver for `kubectl exec` and `kubectl logs` (see
 * kubectl-api-surface.md §5.2, §8, §11): aggregated discovery for the core group, one Running
 * pod, and hooks for the exec upgrade and the log GET. HTTPS on 127.0.0.1 with a throwaway CA.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';

export interface FakeApiServerHooks {
  /** pods/exec, pods/attach and pods/portforward upgrades (WebSocket GET or SPDY POST). */
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void;
  /** GET pods/<name>/log. */
  onLog?(req: IncomingMessage, res: ServerResponse, url: URL): void;
}

export interface FakeApiServer {
  url: string;
  kubeconfig: string;
  cacheDir: string;
  /** Upgraded connections (exec) still open. */
  openUpgrades(): number;
  close(): Promise<void>;
}

const POD_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)$/;

function discovery(version: 'v2' | 'v2beta1'): unknown {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: [
      {
        metadata: { name: '', creationTimestamp: null },
        versions: [
          {
            version: 'v1',
            freshness: 'Current',
            resources: [
              {
                resource: 'pods',
                responseKind: { group: '', version: 'v1', kind: 'Pod' },
                scope: 'Namespaced',
                singularResource: 'pod',
                verbs: ['get', 'list'],
                shortNames: ['po'],
                subresources: [
                  { subresource: 'attach', responseKind: { group: '', version: 'v1', kind: 'PodAttachOptions' }, verbs: ['create', 'get'] },
                  { subresource: 'exec', responseKind: { group: '', version: 'v1', kind: 'PodExecOptions' }, verbs: ['create', 'get'] },
                  { subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] },
                  { subresource: 'portforward', responseKind: { group: '', version: 'v1', kind: 'PodPortForwardOptions' }, verbs: ['create', 'get'] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

function pod(namespace: string, name: string): unknown {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, namespace, uid: '3f1c5a52-0000-4000-8000-000000000001', resourceVersion: '1' },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'busybox' }] },
    status: { phase: 'Running' },
  };
}

function send(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(code, { 'Content-Type': contentType });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, hooks: FakeApiServerHooks): void {
  const url = new URL(req.url ?? '/', 'https://fake');
  if (url.pathname === '/api' || url.pathname === '/apis') {
    const version = (req.headers.accept ?? '').includes('v=v2;') ? 'v2' : 'v2beta1';
    const body = url.pathname === '/api' ? discovery(version) : { ...(discovery(version) as object), items: [] };
    send(res, 200, body, `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`);
    return;
  }
  if (url.pathname.endsWith('/log') && hooks.onLog) {
    hooks.onLog(req, res, url);
    return;
  }
  const m = POD_PATH.exec(url.pathname);
  if (m) {
    send(res, 200, pod(decodeURIComponent(m[1] ?? ''), decodeURIComponent(m[2] ?? '')));
    return;
  }
  send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
}

export async function startFakeApiServer(hooks: FakeApiServerHooks): Promise<FakeApiServer> {
  const ca = await createCertificateAuthority({ commonName: 'fake-ca' });
  const serving = await issueCertificate(ca, { commonName: 'fake-apiserver', ipAddresses: ['127.0.0.1'], usage: 'server' });
  const server = https.createServer({ cert: serving.certPem, key: serving.keyPem }, (req, res) => handle(req, res, hooks));
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    hooks.onUpgrade(req, socket, head, new URL(req.url ?? '/', 'https://fake'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const ca64 = Buffer.from(ca.certPem).toString('base64');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: fake\n  cluster:\n    server: https://127.0.0.1:${port}\n    certificate-authority-data: ${ca64}`,
      'users:',
      '- name: tester\n  user:\n    token: test-token',
      'contexts:',
      '- name: fake\n  context:\n    cluster: fake\n    user: tester\n    namespace: default',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return {
    url: `https://127.0.0.1:${port}`,
    kubeconfig,
    cacheDir: join(dir, 'cache'),
    openUpgrades: () => upgraded.size,
    close: async () => {
      for (const s of upgraded) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
