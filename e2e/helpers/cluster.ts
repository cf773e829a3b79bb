/**
 * A kubelab cluster for an end-to-end suite, made with the real `kubelab` CLI (its built bundle)
 * in a private KUBELAB_HOME and KUBECONFIG, driven with the real kubectl; deleted afterwards
 * with `kubelab delete cluster` and, should that fail, by its labels.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KUBELAB = join(ROOT, 'packages', 'cli', 'dist', 'bundles', 'kubelab.mjs');
export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface E2eCluster {
  name: string;
  home: string;
  kubeconfig: string;
  controlPlane: string;
  workers: string[];
  kubelab(args: string[], input?: string): Promise<Result>;
  kubectl(args: string[], input?: string): Promise<Result>;
  /** `kubelab node exec NODE -- sh -c SCRIPT` */
  onNode(node: string, script: string, input?: string): Promise<Result>;
  nodeRoot(node: string): string;
  delete(): Promise<void>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string, timeoutMs = 180_000): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env, maxBuffer: 64 << 20, timeout: timeoutMs }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function createE2eCluster(prefix: string, opts: { workers?: number; config?: string } = {}): Promise<E2eCluster> {
  const name = `${prefix}-${randomBytes(2).toString('hex')}`;
  const home = await mkdtemp(join(tmpdir(), `kubelab-e2e-${name}-`));
  const kubeconfig = join(home, 'kubeconfig');
  const env = { ...process.env, KUBELAB_HOME: home, KUBECONFIG: kubeconfig, HOME: home };
  const c: E2eCluster = {
    name,
    home,
    kubeconfig,
    controlPlane: `${name}-control-plane`,
    workers: Array.from({ length: opts.workers ?? 1 }, (_, i) => (i === 0 ? `${name}-worker` : `${name}-worker${i + 1}`)),
    kubelab: (args, input) => run(process.execPath, [KUBELAB, ...args], env, input),
    kubectl: (args, input) => run(KUBECTL, [`--cache-dir=${join(home, 'kube-cache')}`, ...args], env, input, 120_000),
    onNode: (node, script, input) => run(process.execPath, [KUBELAB, 'node', 'exec', node, '--', 'sh', '-c', script], env, input),
    nodeRoot: (node) => join(home, 'clusters', name, 'nodes', node),
    async delete() {
      const r = await c.kubelab(['delete', 'cluster', '--name', name]);
      if (r.code !== 0) {
        // Whatever the CLI could not remove, by label.
        await run('sh', ['-c', `docker rm -f $(docker ps -aq --filter label=io.kubelab.cluster=${name}) 2>/dev/null; docker network rm $(docker network ls -q --filter label=io.kubelab.cluster=${name}) 2>/dev/null; true`], env);
      }
      await rm(home, { recursive: true, force: true });
      // A leak fails the suite instead of passing unseen.
      const left = await run('sh', ['-c', `docker ps -aq --filter label=io.kubelab.cluster=${name}; docker network ls -q --filter label=io.kubelab.cluster=${name}`], env);
      if (left.code !== 0 || left.stdout.trim()) {
        throw new Error(`cluster ${name} left Docker objects behind (${left.stdout.trim().split(/\s+/).join(', ') || left.stderr.trim()}); kubelab delete cluster said (${r.code}): ${r.stdout}${r.stderr}`);
      }
    },
  };
  const args = ['create', 'cluster', '--name', name, '--workers', String(opts.workers ?? 1), '--wait', '3m'];
  if (opts.config) args.push('--config', opts.config);
  const r = await c.kubelab(args);
  if (r.code !== 0) {
    const cleanup = await c.delete().then(
      () => '',
      (err: unknown) => `\n(cleaning up after it failed too: ${String(err)})`,
    );
    throw new Error(`kubelab create cluster failed (${r.code}):\n${r.stdout}\n${r.stderr}${cleanup}`);
  }
  return c;
}

/** Runs `kubelab node exec NODE -- CMD...` with a live process (for -f followers). */
export function spawnOnNode(c: E2eCluster, node: string, cmd: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, [KUBELAB, 'node', 'exec', node, '--', ...cmd], {
    env: { ...process.env, KUBELAB_HOME: c.home, KUBECONFIG: c.kubeconfig, HOME: c.home },
  });
}
