/**
 * Real clusters for the CLI's end-to-end tests: `kubelab` run in-process (run(argv, io)) with
 * a temporary KUBELAB_HOME and KUBECONFIG, cluster names unique to the run, the real kubectl
 * with the kubeconfig `get kubeconfig` prints, and a cleanup that deletes every cluster the run
 * made (also after a failure) and sweeps anything labelled with their names.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Dockerode from 'dockerode';
import { buildBundles } from '../src/bundle/build-bundles.js';
import { deleteCluster } from '../src/cluster/delete-cluster.js';
import { clusterDir } from '../src/cluster/layout.js';
import { findProcesses } from '../src/cluster/proc-status.js';
import { run } from '../src/run.js';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ClusterHarness {
  home: string;
  env: NodeJS.ProcessEnv;
  /** A cluster name unique to this run (and remembered for cleanup). */
  name(suffix: string): string;
  kubelab(argv: string[]): Promise<CliResult>;
  /** kubectl with the kubeconfig of `kubelab get kubeconfig --name cluster`. */
  kubectl(cluster: string, args: string[], input?: string): Promise<CliResult>;
  /** What is left of a cluster: containers, network, directory, kubeconfig entries, kubelets. */
  leftovers(cluster: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env,
  });
  return { code, stdout, stderr };
}

export function execFileResult(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, maxBuffer: 32 << 20, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function createClusterHarness(prefix: string): Promise<ClusterHarness> {
  await buildBundles();
  const run = randomBytes(3).toString('hex');
  const home = await mkdtemp(join(tmpdir(), `kubelab-e2e-${run}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, KUBELAB_HOME: join(home, 'kubelab'), KUBECONFIG: join(home, 'kubeconfig'), HOME: home };
  delete env.KUBELAB_CLUSTER_NAME;
  const names = new Set<string>();
  const kubeconfigs = new Map<string, string>();
  const h: ClusterHarness = {
    home,
    env,
    name(suffix) {
      const n = `${prefix}-${run}-${suffix}`;
      names.add(n);
      return n;
    },
    kubelab: (argv) => runCli(argv, env),
    async kubectl(cluster, args, input) {
      let file = kubeconfigs.get(cluster);
      if (!file) {
        const got = await runCli(['get', 'kubeconfig', '--name', cluster], env);
        if (got.code !== 0) throw new Error(`get kubeconfig failed: ${got.stderr}`);
        file = join(home, `${cluster}.kubeconfig`);
        await writeFile(file, got.stdout);
        kubeconfigs.set(cluster, file);
      }
      return execFileResult(KUBECTL, [`--kubeconfig=${file}`, `--cache-dir=${join(home, 'kube-cache')}`, ...args], { PATH: process.env.PATH ?? '', HOME: home }, input);
    },
    async leftovers(cluster) {
      const docker = new Dockerode();
      const found: string[] = [];
      const label = { label: [`io.kubelab.cluster=${cluster}`] };
      const containers = await docker.listContainers({ all: true, filters: label });
      if (containers.length > 0) found.push(`${containers.length} container(s)`);
      if ((await docker.listNetworks({ filters: label })).length > 0) found.push('network');
      const dir = clusterDir(cluster, env);
      if (existsSync(dir)) found.push('directory');
      const kubeconfig = await readFile(env.KUBECONFIG as string, 'utf8').catch(() => '');
      if (kubeconfig.includes(`kubelab-${cluster}`)) found.push('kubeconfig entries');
      const procs = await findProcesses((cmd) => cmd.some((a) => a.startsWith(`--kubelab-node-root=${dir}/`)));
      if (procs.length > 0) found.push(`${procs.length} kubelet process(es)`);
      return found;
    },
    async cleanup() {
      const docker = new Dockerode();
      for (const n of names) {
        await deleteCluster(n, { env, docker }).catch(() => undefined);
      }
      await rm(home, { recursive: true, force: true });
    },
  };
  return h;
}
