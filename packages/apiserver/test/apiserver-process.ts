/** Runs kube-apiserver as a real child process over a LevelDB directory, for crash tests. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface ApiServerProcess {
  dir: string;
  port: number;
  token: string;
  caPem: string;
  child: ChildProcess | undefined;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;
}

export async function createApiServerProcess(): Promise<ApiServerProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-durability-'));
  const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
  const serving = await issueCertificate(ca, { commonName: 'kube-apiserver', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], usage: 'server' });
  await writeFile(join(dir, 'apiserver.crt'), serving.certPem);
  await writeFile(join(dir, 'apiserver.key'), serving.keyPem);
  const token = 'durability-admin-token';
  await writeFile(join(dir, 'tokens.csv'), `${token},kubernetes-admin,admin-uid,"system:masters"\n`);
  const port = await freePort();
  const agent = new https.Agent({ keepAlive: true, ca: ca.certPem, maxSockets: 16 });

  const p: ApiServerProcess = {
    dir,
    port,
    token,
    caPem: ca.certPem,
    child: undefined,
    async start() {
      const child = spawn(
        process.execPath,
        [
          '--conditions=development',
          '--import',
          'tsx',
          MAIN,
          `--secure-port=${port}`,
          '--bind-address=127.0.0.1',
          `--tls-cert-file=${join(dir, 'apiserver.crt')}`,
          `--tls-private-key-file=${join(dir, 'apiserver.key')}`,
          `--token-auth-file=${join(dir, 'tokens.csv')}`,
          `--storage-dir=${join(dir, 'data')}`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      p.child = child;
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      // Ready when the log says it serves; fail if it exits first.
      await new Promise<void>((resolve, reject) => {
        const onData = (): void => {
          if (stderr.includes('Serving securely on')) {
            child.stderr?.off('data', onData);
            resolve();
          }
        };
        child.stderr?.on('data', onData);
        child.once('exit', (code) => reject(new Error(`kube-apiserver exited ${code}: ${stderr}`)));
      });
    },
    async kill(signal = 'SIGKILL') {
      const child = p.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
      agent.destroy();
    },
    request(method, path, body) {
      return new Promise((resolve, reject) => {
        const req = https.request(
          { host: '127.0.0.1', port, path, method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });
    },
  };
  return p;
}
