/**
 * The kube-controller-manager binary as kubeadm's static pod runs it: start-up errors, health
 * endpoints on its secure port, leader election through a Lease.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Lease } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KcmCluster, LEASES } from './helpers/kcm-cluster.js';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, '../../node_modules/.bin/tsx');

function start(args: string[]) {
  const child = spawn(TSX, ['--conditions=development', 'src/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, exited, stderr: () => stderr };
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const p = start(args);
  return { code: await p.exited, stderr: p.stderr() };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function httpsGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, rejectUnauthorized: false, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const KUBEADM_FLAGS = (kubeconfig: string, port: number): string[] => [
  '--allocate-node-cidrs=true',
  `--authentication-kubeconfig=${kubeconfig}`,
  `--authorization-kubeconfig=${kubeconfig}`,
  '--bind-address=127.0.0.1',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--cluster-cidr=10.244.0.0/16',
  '--cluster-name=kubernetes',
  '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
  '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
  '--controllers=*,bootstrapsigner,tokencleaner',
  `--kubeconfig=${kubeconfig}`,
  '--leader-elect=true',
  '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
  '--root-ca-file=/etc/kubernetes/pki/ca.crt',
  `--secure-port=${port}`,
  '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
  '--service-cluster-ip-range=10.96.0.0/12',
  '--use-service-account-credentials=true',
];

describe('kube-controller-manager binary: start-up errors', () => {
  it('rejects an unknown flag with a one-line error, exit 1', async () => {
    const r = await run(['--kubeconfig=/etc/kubernetes/controller-manager.conf', '--foo']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('Error: unknown flag: --foo');
  });

  it('fails on a missing kubeconfig, exit 1', async () => {
    const r = await run([
      '--kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--secure-port=0',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '"command failed" err="stat /etc/kubernetes/controller-manager.conf: no such file or directory"',
    );
  });

  it('rejects an unknown controller', async () => {
    const r = await run(['--kubeconfig=/x', '--secure-port=0', '--controllers=*,foo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '"command failed" err="\\"foo\\" is not in the list of known controllers"',
    );
  });
});

describe("kube-controller-manager binary: running with kubeadm's flags", () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
  });
  afterAll(() => c.stop());

  it('serves health, leads through a Lease, and releases it on SIGTERM', async () => {
    const port = await freePort();
    const p = start(KUBEADM_FLAGS(c.cluster.identities.admin.kubeconfig, port));
    await vi.waitFor(
      () =>
        expect(p.stderr()).toContain(
          '"successfully acquired lease kube-system/kube-controller-manager"',
        ),
      { timeout: 20_000, interval: 100 },
    );
    expect(p.stderr()).toContain(`"Serving securely on 127.0.0.1:${port}"`);
    for (const path of ['/healthz', '/livez', '/readyz'])
      expect(await httpsGet(port, path)).toEqual({ status: 200, body: 'ok' });
    const healthz = (await httpsGet(port, '/healthz?verbose')).body;
    expect(healthz).toContain('[+]leaderElection ok\n');
    expect(healthz).toContain('[+]deployment-controller ok\n');
    await vi.waitFor(
      () =>
        expect(p.stderr()).toContain(
          '"Started controller" controller="garbage-collector-controller"',
        ),
      { timeout: 20_000, interval: 100 },
    );
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const lease = await c.client<Lease>(LEASES, 'kube-system').get('kube-controller-manager');
    expect(lease.spec).toMatchObject({ holderIdentity: '', leaseDurationSeconds: 1 });
  });
});
