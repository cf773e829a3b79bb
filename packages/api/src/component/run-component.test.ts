import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildKubeconfig } from '../kubeconfig/build-kubeconfig.js';
import { runComponent, type ComponentSpec } from './run-component.js';
import { httpsGet } from './testing/https-get.js';
import { TempDirs } from '../testing/index.js';

const temp = new TempDirs();
afterAll(() => temp.removeAll());

const dir = temp.makeSync('run-component-');
const kubeconfig = join(dir, 'scheduler.conf');
writeFileSync(kubeconfig, buildKubeconfig({ clusterName: 'k', server: 'https://127.0.0.1:1', user: 'u', token: 't' }));

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } },
  };
}

function spec(lead: (signal: AbortSignal) => Promise<void> = (s) => new Promise((r) => s.addEventListener('abort', () => r()))): ComponentSpec {
  return {
    name: 'kube-scheduler',
    defaults: { securePort: 10259, leaseName: 'kube-scheduler' },
    kubeconfigOrder: 'delegated-auth-first',
    leaderElectionEventSource: 'default-scheduler',
    start: async () => ({ lead, healthChecks: { readyz: [{ name: 'sched-handler-sync', check: () => undefined }] } }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('runComponent', () => {
  it('rejects an unknown flag with the usage and a one-line error, exit 1', async () => {
    const { out, io } = capture();
    expect(await runComponent(spec(), ['--kubeconfig=x', '--foo'], { io })).toBe(1);
    expect(out.stderr.startsWith('Usage:\n  kube-scheduler [flags]\n')).toBe(true);
    expect(out.stderr.trimEnd().split('\n').pop()).toBe('Error: unknown flag: --foo');
  });

  it('rejects positional arguments', async () => {
    const { out, io } = capture();
    expect(await runComponent(spec(), ['extra'], { io })).toBe(1);
    expect(out.stderr).toBe('Error: "kube-scheduler" does not take any arguments, got ["extra"]\n');
  });

  it('prints the usage for --help, exit 0', async () => {
    const { out, io } = capture();
    expect(await runComponent(spec(), ['--help'], { io })).toBe(0);
    expect(out.stdout).toContain('--leader-elect-lease-duration duration');
  });

  it('fails on a missing kubeconfig with the upstream klog line, exit 1', async () => {
    const { out, io } = capture();
    const code = await runComponent(spec(), ['--kubeconfig=/etc/kubernetes/scheduler.conf', '--secure-port=0'], { io });
    expect(code).toBe(1);
    expect(out.stderr).toMatch(
      /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:1\] "command failed" err="stat \/etc\/kubernetes\/scheduler\.conf: no such file or directory"\n$/,
    );
  });

  it('reports invalid leader election periods', async () => {
    const { out, io } = capture();
    const code = await runComponent(spec(), [`--kubeconfig=${kubeconfig}`, '--leader-elect-lease-duration=5s', '--secure-port=0'], { io });
    expect(code).toBe(1);
    expect(out.stderr).toContain(
      '"command failed" err="leaderElection.leaseDuration: Invalid value: \\"5s\\": LeaseDuration must be greater than RenewDeadline"',
    );
  });

  it('serves health on the secure port and runs until stopped, logging to --log-file', async () => {
    const { io } = capture();
    const port = await freePort();
    const logFile = join(dir, 'scheduler.log');
    const ctl = new AbortController();
    const led = vi.fn();
    const done = runComponent(
      spec(async (s) => {
        led();
        await new Promise<void>((r) => s.addEventListener('abort', () => r()));
      }),
      [`--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${port}`, `--log-file=${logFile}`],
      { io, signal: ctl.signal },
    );
    await vi.waitFor(() => expect(led).toHaveBeenCalled());
    expect(await httpsGet(port, '/readyz?verbose')).toMatchObject({
      status: 200,
      body: '[+]ping ok\n[+]log ok\n[+]sched-handler-sync ok\nreadyz check passed\n',
    });
    ctl.abort();
    expect(await done).toBe(0);
    expect(readFileSync(logFile, 'utf8')).toContain(`"Serving securely on 127.0.0.1:${port}"`);
  });

  it('fails when the secure port is taken', async () => {
    const port = await freePort();
    const ctl = new AbortController();
    const first = runComponent(spec(), [`--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${port}`], {
      io: capture().io,
      signal: ctl.signal,
    });
    await vi.waitFor(async () => expect((await httpsGet(port, '/healthz')).status).toBe(200));
    const { out, io } = capture();
    expect(await runComponent(spec(), [`--kubeconfig=${kubeconfig}`, '--bind-address=127.0.0.1', `--secure-port=${port}`], { io })).toBe(1);
    expect(out.stderr).toContain(
      `err="failed to create listener: failed to listen on 127.0.0.1:${port}: listen tcp 127.0.0.1:${port}: bind: address already in use"`,
    );
    ctl.abort();
    expect(await first).toBe(0);
  });
});

describe('goDuration', () => {
  it('prints durations as Go does', async () => {
    const { goDuration } = await import('./component-usage.js');
    expect([0, 500, 2000, 15_000, 90_000, 3_600_000, 1500].map(goDuration)).toEqual(['0s', '500ms', '2s', '15s', '1m30s', '1h0m0s', '1.5s']);
  });
});
