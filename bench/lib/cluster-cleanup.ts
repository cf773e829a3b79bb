/**
 * Every cluster and container the cluster benchmark makes goes, on every exit path:
 *  - normally: `kubelab delete cluster --name X` (the CLI under test), then, if anything is
 *    left, by the label io.kubelab.cluster=X (kubelets by their PID files, containers and
 *    networks by label), then the temporary directory;
 *  - on SIGINT/SIGTERM/SIGHUP: the same, then exit 128+n;
 *  - on any other exit (an uncaught error, process.exit): a synchronous fallback by label.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { killLiveCreatesSync, stopLiveCreates } from './cluster-cli.js';
import type { BenchEnv } from './cluster-env.js';

const LABEL = 'io.kubelab.cluster';

function docker(args: string[]): string {
  try {
    return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/** Kills the kubelets whose PID files are under the cluster's directory (only live kubelets of that root). */
function killKubelets(bench: BenchEnv, name: string): void {
  const nodes = join(bench.home, 'clusters', name, 'nodes');
  let dirs: string[] = [];
  try {
    dirs = readdirSync(nodes);
  } catch {
    return;
  }
  for (const d of dirs) {
    try {
      const pid = Number(readFileSync(join(nodes, d, 'var/run/kubelet.pid'), 'utf8').trim());
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(`--kubelab-node-root=${join(nodes, d)}`)) process.kill(pid, 'SIGKILL');
    } catch {
      // no PID file or the process is gone
    }
  }
}

/** What is left of cluster `name` in Docker (container IDs), by label. */
export function leftovers(name: string): string[] {
  return docker(['ps', '-aq', '--filter', `label=${LABEL}=${name}`])
    .split('\n')
    .filter(Boolean);
}

/** The label fallback: kubelets, containers, networks, the cluster directory. */
export function removeByLabel(bench: BenchEnv, name: string): void {
  killKubelets(bench, name);
  const ids = leftovers(name);
  if (ids.length) docker(['rm', '-f', '-v', ...ids]);
  const nets = docker(['network', 'ls', '-q', '--filter', `label=${LABEL}=${name}`])
    .split('\n')
    .filter(Boolean);
  if (nets.length) docker(['network', 'rm', ...nets]);
  rmSync(join(bench.home, 'clusters', name), { recursive: true, force: true });
}

/** `kubelab delete cluster --name X`: its exit code and wall time. */
export function cliDelete(
  bench: BenchEnv,
  name: string,
): Promise<{ code: number; ms: number; output: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bench.cli, 'delete', 'cluster', '--name', name], {
      env: bench.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) =>
      resolve({ code: -1, ms: performance.now() - t0, output: String(err) }),
    );
    child.on('close', (code) => resolve({ code: code ?? -1, ms: performance.now() - t0, output }));
  });
}

export interface Guard {
  /** Records a name before its cluster is created. */
  track(name: string): void;
  /** Deletes one cluster (CLI, then label fallback); true when the CLI alone removed everything. */
  deleteCluster(name: string): Promise<{ cleanByCli: boolean; ms: number }>;
  /** Deletes what is still tracked, the extra labels and the temporary directory. */
  cleanup(): Promise<void>;
}

export function guardBench(bench: BenchEnv, extraLabels: () => string[]): Guard {
  const live = new Set<string>();
  let done = false;
  const syncFallback = (): void => {
    if (done) return;
    done = true;
    killLiveCreatesSync();
    for (const name of [...live, ...extraLabels()]) removeByLabel(bench, name);
    rmSync(bench.dir, { recursive: true, force: true });
  };
  const deleteOne = async (name: string): Promise<{ cleanByCli: boolean; ms: number }> => {
    const r = await cliDelete(bench, name);
    const left = leftovers(name);
    const cleanByCli = r.code === 0 && left.length === 0;
    if (!cleanByCli) {
      process.stderr.write(
        `[cluster bench] delete of ${name}: exit ${r.code}, ${left.length} containers left; removing by label\n${r.output}`,
      );
      removeByLabel(bench, name);
    }
    live.delete(name);
    return { cleanByCli, ms: r.ms };
  };
  const cleanup = async (): Promise<void> => {
    if (done) return;
    await stopLiveCreates();
    for (const name of [...live]) await deleteOne(name);
    for (const name of extraLabels()) removeByLabel(bench, name);
    rmSync(bench.dir, { recursive: true, force: true });
    done = true;
  };
  process.once('exit', syncFallback);
  for (const [sig, n] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.once(sig, () => {
      process.stderr.write(`[cluster bench] ${sig}: deleting what the run made\n`);
      void cleanup()
        .catch(syncFallback)
        .finally(() => process.exit(128 + n));
    });
  }
  return { track: (name) => void live.add(name), deleteCluster: deleteOne, cleanup };
}
