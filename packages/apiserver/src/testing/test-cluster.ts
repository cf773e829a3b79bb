/**
 * An in-process API server for integration tests: memory (or LevelDB) storage, a fresh CA and
 * serving certificate, tokens for an admin, two nodes, the scheduler and the controller-manager,
 * and a kubeconfig per identity for the real kubectl.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKubeconfig } from '@kubelab/api/kubeconfig';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';
import { ApiServer } from '../server.js';
import type { ApiServerOptions } from '../server.js';
import type { UserInfo } from '../registry/request-context.js';
import { MemoryStorage } from '../storage/index.js';
import type { Storage } from '../storage/storage.js';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface Identity {
  token: string;
  user: UserInfo;
  kubeconfig: string;
}

export interface TestCluster {
  server: ApiServer;
  port: number;
  url: string;
  caPem: string;
  dir: string;
  identities: Record<'admin' | 'node1' | 'node2' | 'jane', Identity>;
  kubectl(args: string[], opts?: KubectlOptions): Promise<KubectlResult>;
  stop(): Promise<void>;
}

export interface KubectlOptions {
  as?: keyof TestCluster['identities'];
  input?: string;
  env?: Record<string, string>;
  binary?: string;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

let caCache: Promise<{ ca: { certPem: string; keyPem: string }; serving: { certPem: string; keyPem: string } }> | undefined;

function pki() {
  caCache ??= (async () => {
    const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
    const serving = await issueCertificate(ca, {
      commonName: 'kube-apiserver',
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default'],
      ipAddresses: ['127.0.0.1'],
      usage: 'server',
    });
    return { ca, serving };
  })();
  return caCache;
}

export async function startTestCluster(
  opts: { storage?: Storage; server?: Partial<ApiServerOptions> } = {},
): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-apiserver-'));
  const { ca, serving } = await pki();
  const users: Record<keyof TestCluster['identities'], UserInfo> = {
    admin: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins'] },
    node1: { name: 'system:node:node1', groups: ['system:nodes'] },
    node2: { name: 'system:node:node2', groups: ['system:nodes'] },
    jane: { name: 'jane', groups: [] },
  };
  const tokens = new Map<string, UserInfo>();
  const identities = {} as TestCluster['identities'];
  for (const [key, user] of Object.entries(users) as [keyof typeof users, UserInfo][]) {
    const token = `${key}-${Math.random().toString(36).slice(2)}`;
    tokens.set(token, user);
    identities[key] = { token, user, kubeconfig: join(dir, `${key}.conf`) };
  }
  const storage = opts.storage ?? new MemoryStorage();
  const server = await ApiServer.create({
    storage,
    tls: serving,
    tokens,
    bindAddress: '127.0.0.1',
    securePort: 0,
    advertiseAddress: '127.0.0.1',
    ...opts.server,
  });
  const { port } = await server.listen();
  const url = `https://127.0.0.1:${port}`;
  for (const id of Object.values(identities)) {
    await writeFile(
      id.kubeconfig,
      buildKubeconfig({ clusterName: 'test', server: url, caData: Buffer.from(ca.certPem), user: id.user.name, token: id.token }),
    );
  }
  const cacheDir = join(dir, 'kube-cache');
  const kubectl = (args: string[], k: KubectlOptions = {}): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        k.binary ?? KUBECTL,
        [`--kubeconfig=${identities[k.as ?? 'admin'].kubeconfig}`, `--cache-dir=${cacheDir}`, ...args],
        { env: { PATH: process.env.PATH ?? '', HOME: dir, ...k.env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      if (k.input !== undefined) child.stdin?.end(k.input);
    });
  return {
    server,
    port,
    url,
    caPem: ca.certPem,
    dir,
    identities,
    kubectl,
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
