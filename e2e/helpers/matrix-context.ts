/**
 * What a matrix command gets: its kubectl version, a namespace of its own, a scratch directory,
 * and `k`, which runs that version's kubectl in that namespace with a discovery cache of its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Result } from './cluster.js';
import type { KubectlRunOptions, KubectlVersion } from './matrix-kubectl.js';
import { kubectlBinary, runKubectl, spawnKubectl } from './matrix-kubectl.js';
import type { Mutex } from './matrix-mutex.js';
import { succeeded } from './matrix-check.js';

export interface MatrixCluster {
  kubeconfig: string;
  /** The worker every workload runs on. */
  workloadWorker: string;
  /** The worker the node commands (cordon, taint, drain) change; tainted so only their pods go there. */
  nodeWorker: string;
  /** The taint that keeps ordinary pods off nodeWorker. */
  nodeWorkerTaint: { key: string; value: string; effect: string };
}

export interface MatrixContext {
  version: KubectlVersion;
  /** `mx-127` for kubectl 1.27, ... */
  ns: string;
  dir: string;
  cluster: MatrixCluster;
  /** Held by commands that change the shared nodes. */
  nodeLock: Mutex;
  env: NodeJS.ProcessEnv;
  /** kubectl [global flags] -n <ns> ARGS */
  k(args: string[], opts?: KubectlRunOptions): Promise<Result>;
  /** A long-running kubectl in the namespace. */
  spawn(args: string[]): ChildProcess;
  /** Writes a file into the scratch directory and returns its path. */
  file(name: string, content: string, mode?: number): Promise<string>;
}

/**
 * client-go (1.30+) starts reading a WebSocket exec before it has registered its streams; the
 * empty stdout frame that a server sends right after the upgrade (the real apiserver's stream
 * translator does the same) is then dropped with this log line. No data is lost.
 */
const STREAM_RACE_LINE = /^E\d{4} [\d:.]+\s+\d+ websocket\.go:\d+\] Unknown stream id 1, discarding message\n/gm;

function withoutClientRaceNoise(r: Result): Result {
  return { ...r, stderr: r.stderr.replace(STREAM_RACE_LINE, '') };
}

export function namespaceFor(version: KubectlVersion): string {
  return `mx-${version.replace('.', '')}`;
}

export async function createMatrixContext(version: KubectlVersion, cluster: MatrixCluster, root: string, nodeLock: Mutex): Promise<MatrixContext> {
  const ns = namespaceFor(version);
  const dir = join(root, ns);
  await mkdir(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: cluster.kubeconfig, HOME: dir };
  const binary = kubectlBinary(version);
  const globals = [`--cache-dir=${join(dir, 'kube-cache')}`, `--namespace=${ns}`];
  return {
    version,
    ns,
    dir,
    cluster,
    nodeLock,
    env,
    k: async (args, opts = {}) => withoutClientRaceNoise(await runKubectl(binary, [...globals, ...args], { ...opts, env: { ...env, ...opts.env } })),
    spawn: (args) => spawnKubectl(binary, [...globals, ...args], env),
    async file(name, content, mode) {
      const path = join(dir, name);
      await writeFile(path, content, mode === undefined ? undefined : { mode });
      return path;
    },
  };
}

/** `kubectl get TARGET -o jsonpath=PATH`, which must succeed; its output. */
export async function jsonpath(x: MatrixContext, target: string[], path: string): Promise<string> {
  return succeeded(`get ${target.join(' ')} -o jsonpath`, await x.k(['get', ...target, '-o', `jsonpath=${path}`]));
}
