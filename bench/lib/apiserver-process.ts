/**
 * The API server under test, in its own process as it runs in a cluster: the server built from
 * its sources (apiserver-build.ts) with kube-apiserver flags, a fresh CA and serving
 * certificate, an admin token, and LevelDB in a temporary directory.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCertificateAuthority, issueCertificate } from '@kubelab/api/pki';
import { makeTempDir, spawnTracked, stopChild } from './apiserver-children.js';

const APISERVER_DIR = fileURLToPath(new URL('../../packages/apiserver/', import.meta.url));
export interface ServingPki {
  caPem: string;
  certFile: string;
  keyFile: string;
}

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** A CA and a serving certificate for 127.0.0.1/localhost, written into dir. */
export async function writeServingPki(dir: string): Promise<ServingPki> {
  const ca = await createCertificateAuthority({ commonName: 'kubernetes' });
  const serving = await issueCertificate(ca, {
    commonName: 'kube-apiserver',
    dnsNames: ['localhost', 'kubernetes'],
    ipAddresses: ['127.0.0.1'],
    usage: 'server',
  });
  const certFile = join(dir, 'apiserver.crt');
  const keyFile = join(dir, 'apiserver.key');
  await writeFile(certFile, serving.certPem);
  await writeFile(keyFile, serving.keyPem, { mode: 0o600 });
  return { caPem: ca.certPem, certFile, keyFile };
}

/** A port that was free a moment ago (main.ts refuses --secure-port=0, as upstream does). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Polls GET path until it answers 200, the child exits, or timeoutMs passes. */
export async function waitForHttps(
  child: ChildProcess,
  port: number,
  caPem: string,
  path: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const probe = (): Promise<number> =>
    new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, path, ca: caPem, servername: 'localhost', agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(0));
      req.end();
    });
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`process exited (${child.exitCode ?? child.signalCode}) before serving`);
    if ((await probe()) === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing served ${path} on port ${port} within ${timeoutMs} ms`);
}

export interface ApiServerProcess extends RunningProcess {
  token: string;
  dir: string;
  logFile: string;
  /** performance.now() when the process was spawned (a --cpu-prof profile starts about then). */
  spawnedAt: number;
}

export interface StartApiServerOptions {
  /** The server's main module (see buildApiServer). */
  entry: string;
  pki: ServingPki;
  /** Extra node flags for the child, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Variables added to this process's environment for the child (APISERVER_ENV). */
  env?: Readonly<Record<string, string>>;
}

export async function startApiServer(o: StartApiServerOptions): Promise<ApiServerProcess> {
  const dir = await makeTempDir('kubelab-bench-apiserver-');
  const token = `bench-${Math.random().toString(36).slice(2)}`;
  const tokenFile = join(dir, 'tokens.csv');
  await writeFile(tokenFile, `${token},bench-admin,bench-admin,"system:masters"\n`, {
    mode: 0o600,
  });
  const port = await freePort();
  const logFile = join(dir, 'apiserver.log');
  const spawnedAt = performance.now();
  const child = spawnTracked(
    process.execPath,
    [
      ...(o.nodeFlags ?? []),
      o.entry,
      `--secure-port=${port}`,
      '--bind-address=127.0.0.1',
      `--tls-cert-file=${o.pki.certFile}`,
      `--tls-private-key-file=${o.pki.keyFile}`,
      `--token-auth-file=${tokenFile}`,
      `--storage-dir=${join(dir, 'data')}`,
      `--log-file=${logFile}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: APISERVER_DIR, env: { ...process.env, ...o.env } },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForHttps(child, port, o.pki.caPem, '/readyz');
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    throw new Error(`the API server did not start: ${(err as Error).message}\n${stderr}${log}`, {
      cause: err,
    });
  }
  return {
    child,
    pid: child.pid as number,
    port,
    token,
    dir,
    logFile,
    spawnedAt,
    stop: () => stopChild(child),
  };
}
