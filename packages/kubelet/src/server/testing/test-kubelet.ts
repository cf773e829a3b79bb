/**
 * A kubelet server on 127.0.0.1 with throwaway PKI and fake core callbacks, for tests: one
 * pod default/web with container main, exec backed by local child processes.
 */
import https from 'node:https';
import type { Pod } from '@kubelab/api';
import { createCertificateAuthority, issueCertificate, type CertificateAndKey } from '@kubelab/api/pki';
import type { ReadCriLogOptions } from '../../logs/index.js';
import type { ExecSession } from '../../runtime/container-runtime.js';
import { spawnExecSession } from '../../streaming/testing/local-exec-session.js';
import { podDoesNotExist } from '../kubelet-errors.js';
import type { KubeletServer } from '../kubelet-server.js';
import { createKubeletServer } from '../kubelet-server.js';
import type { ContainerLogTarget, ContainerRef, KubeletRequestAttributes, KubeletServerOptions } from '../kubelet-server-options.js';

export interface TestPki {
  ca: CertificateAndKey;
  serving: CertificateAndKey;
  /** The apiserver's kubelet client certificate (kubeadm's names). */
  apiserverClient: CertificateAndKey;
  /** Signed by another CA: must not authenticate. */
  strangerClient: CertificateAndKey;
}

let pki: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  pki ??= (async () => {
    const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
    const other = await createCertificateAuthority({ commonName: 'stranger' });
    return {
      ca,
      serving: await issueCertificate(ca, { commonName: 'node-1', ipAddresses: ['127.0.0.1'], usage: 'server' }),
      apiserverClient: await issueCertificate(ca, {
        commonName: 'kube-apiserver-kubelet-client',
        organizations: ['kubeadm:cluster-admins'],
        usage: 'client',
      }),
      strangerClient: await issueCertificate(other, { commonName: 'mallory', usage: 'client' }),
    };
  })();
  return pki;
}

export const TEST_POD: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-web' },
  spec: { containers: [{ name: 'main', image: 'busybox' }] },
};

export interface TestKubelet {
  port: number;
  healthzPort: number | undefined;
  pki: TestPki;
  authorizations: KubeletRequestAttributes[];
  logCalls: { ref: ContainerRef; previous: boolean; path?: string; opts?: ReadCriLogOptions }[];
  execCalls: { ref: ContainerRef; command: string[] }[];
  server: KubeletServer;
}

export type TestKubeletOverrides = Partial<Omit<KubeletServerOptions, 'tls' | 'clientCaPem'>> & {
  logTarget?: ContainerLogTarget | string;
  logChunks?: string[];
  session?: (command: string[]) => ExecSession;
};

export async function startTestKubelet(overrides: TestKubeletOverrides = {}): Promise<TestKubelet> {
  const p = await testPki();
  const authorizations: KubeletRequestAttributes[] = [];
  const logCalls: TestKubelet['logCalls'] = [];
  const execCalls: TestKubelet['execCalls'] = [];
  const { logTarget, logChunks, session, ...rest } = overrides;
  const server = createKubeletServer({
    nodeName: 'node-1',
    address: '127.0.0.1',
    port: 0,
    healthzBindAddress: '127.0.0.1',
    healthzPort: 0,
    tls: p.serving,
    clientCaPem: p.ca.certPem,
    authenticateToken: (token) =>
      Promise.resolve(token === 'good-token' ? { name: 'system:serviceaccount:kube-system:metrics', groups: ['system:serviceaccounts'] } : undefined),
    authorize: (attrs) => {
      authorizations.push(attrs);
      return Promise.resolve(attrs.user.name === 'kube-apiserver-kubelet-client' || attrs.subresource === 'pods');
    },
    getPods: () => [TEST_POD],
    resolveContainerLog: (ref, previous) => {
      logCalls.push({ ref, previous });
      return logTarget ?? { logPath: '/etc/hostname', running: false };
    },
    readLog: async function* (path, opts) {
      const call = logCalls[logCalls.length - 1];
      if (call) Object.assign(call, { path, opts });
      for (const c of logChunks ?? ['line 1\n', 'line 2\n']) yield Buffer.from(c);
    },
    exec: (ref, command) => {
      execCalls.push({ ref, command });
      if (ref.pod !== 'web') return Promise.reject(podDoesNotExist());
      return Promise.resolve((session ?? spawnExecSession)(command));
    },
    ...rest,
  });
  // A healthzPort of 0 disables the listener; tests that want it pass an explicit option.
  const addresses = await server.listen();
  return { port: addresses.port, healthzPort: addresses.healthzPort, pki: p, authorizations, logCalls, execCalls, server };
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function kubeletRequest(
  k: TestKubelet,
  path: string,
  opts: { method?: string; token?: string; cert?: CertificateAndKey; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: k.port,
        path,
        method: opts.method ?? 'GET',
        ca: k.pki.ca.certPem,
        cert: opts.cert?.certPem,
        key: opts.cert?.keyPem,
        agent: false,
        headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
