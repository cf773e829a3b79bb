import { spawn } from 'node:child_process';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findResource, type Lease } from '@kubelab/api';
import { SchedulerCluster } from './helpers/scheduler-cluster.js';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, '../../node_modules/.bin/tsx');

function start(args: string[]) {
  const child = spawn(TSX, ['--conditions=development', 'src/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, exited, stderr: () => stderr };
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const p = start(args);
  const code = await p.exited;
  return { code, stderr: p.stderr() };
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

describe('kube-scheduler binary: start-up errors', () => {
  it('rejects an unknown flag with a one-line error, exit 1', async () => {
    const r = await run(['--kubeconfig=/etc/kubernetes/scheduler.conf', '--foo']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('Error: unknown flag: --foo');
  });

  it('fails on a missing kubeconfig as kube-scheduler does, exit 1', async () => {
    const r = await run(['--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true', '--secure-port=0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ run\.go:1\] "command failed" err="stat \/etc\/kubernetes\/scheduler\.conf: no such file or directory"\n$/);
  });

  it('names the delegated authentication kubeconfig first with kubeadm flags', async () => {
    const f = '/etc/kubernetes/scheduler.config';
    const r = await run([`--authentication-kubeconfig=${f}`, `--authorization-kubeconfig=${f}`, '--bind-address=127.0.0.1', `--kubeconfig=${f}`, '--leader-elect=true', '--secure-port=0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `"command failed" err="failed to get delegated authentication kubeconfig: failed to get delegated authentication kubeconfig: stat ${f}: no such file or directory"`,
    );
  });
});

describe('kube-scheduler binary: running', () => {
  let c: SchedulerCluster;
  beforeAll(async () => {
    c = await SchedulerCluster.start();
  });
  afterAll(() => c.stop());

  it('serves health on its secure port, leads, and releases the lease on SIGTERM', async () => {
    const port = await freePort();
    const kc = c.cluster.identities.admin.kubeconfig;
    const p = start([`--authentication-kubeconfig=${kc}`, `--authorization-kubeconfig=${kc}`, '--bind-address=127.0.0.1', `--kubeconfig=${kc}`, '--leader-elect=true', `--secure-port=${port}`]);
    await vi.waitFor(() => expect(p.stderr()).toContain('"successfully acquired lease kube-system/kube-scheduler"'), { timeout: 20_000, interval: 100 });
    expect(p.stderr()).toContain(`"Serving securely on 127.0.0.1:${port}"`);
    expect(p.stderr()).toContain('"Starting Kubernetes Scheduler" version="v1.32.0"');
    for (const path of ['/healthz', '/livez', '/readyz']) expect(await httpsGet(port, path)).toEqual({ status: 200, body: 'ok' });
    expect((await httpsGet(port, '/healthz?verbose')).body).toBe('[+]ping ok\n[+]log ok\n[+]leaderElection ok\nhealthz check passed\n');
    expect((await httpsGet(port, '/readyz?verbose')).body).toBe('[+]ping ok\n[+]log ok\n[+]sched-handler-sync ok\nreadyz check passed\n');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const info = findResource('coordination.k8s.io', 'v1', 'leases');
    if (!info) throw new Error('no leases');
    const lease = await c.rest.resource<Lease>(info, 'kube-system').get('kube-scheduler');
    expect(lease.spec).toMatchObject({ holderIdentity: '', leaseDurationSeconds: 1 });
  });
});
