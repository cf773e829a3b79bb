/**
 * KubeletProcessControl over real processes: the kubelet bundle started detached with this
 * machine's node (so it outlives the CLI), output appended to the node's /var/log/kubelet.log,
 * its PID in the node's /var/run/kubelet.pid; status from /proc; stop with SIGTERM, SIGKILL
 * after a grace period, as systemd stops a unit. A PID is only trusted when /proc shows the
 * kubelet of that node root (PIDs are reused).
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { realClock, type Clock } from '@kubelab/api';
import { kubeletBundlePath } from '../bundle/bundle-paths.js';
import type { KubeletProcessControl, KubeletProcessStatus } from './kubelet-process-api.js';
import { NODE_PATHS, type ClusterRecord, type NodeRecord } from './layout.js';
import { readProcess } from './proc-status.js';

export interface KubeletProcessOptions {
  /** Defaults to dist/bundles/kubelet.mjs. */
  bundle?: string;
  /** Defaults to the node running the CLI. */
  nodeBinary?: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** SIGTERM grace before SIGKILL (default 5 s). */
  stopTimeoutMs?: number;
  /** Kubelet log verbosity (default 2). */
  verbosity?: number;
}

const hostPath = (node: NodeRecord, nodePath: string): string => join(node.root, nodePath);

/** The kubelet's arguments (after node and the bundle), as kubeadm's unit passes them. */
export function kubeletArgs(cluster: ClusterRecord, node: NodeRecord, verbosity = 2): string[] {
  return [
    `--config=${NODE_PATHS.kubeletConfig}`,
    `--kubeconfig=${NODE_PATHS.kubeletConf}`,
    `--hostname-override=${node.name}`,
    `--node-ip=${cluster.network.gateway}`,
    `--kubelab-node-root=${node.root}`,
    `--kubelab-cluster=${cluster.name}`,
    `--v=${verbosity}`,
  ];
}

/**
 * Node.js flags of the kubelet process: a small young generation keeps its resident memory near
 * its live heap (30 pods: about 85 MB instead of about 120 MB; BENCHMARKS.md, kubelet section).
 */
export const KUBELET_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

export class KubeletProcess implements KubeletProcessControl {
  private readonly clock: Clock;

  constructor(private readonly opts: KubeletProcessOptions = {}) {
    this.clock = opts.clock ?? realClock;
  }

  commandLine(cluster: ClusterRecord, node: NodeRecord): string[] {
    return [
      this.opts.nodeBinary ?? process.execPath,
      ...KUBELET_NODE_FLAGS,
      this.opts.bundle ?? kubeletBundlePath(this.opts.env),
      ...kubeletArgs(cluster, node, this.opts.verbosity),
    ];
  }

  async status(_cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus> {
    const pid = await this.readPid(node);
    const proc = pid === undefined ? undefined : await readProcess(pid);
    if (!proc || !proc.commandLine.includes(`--kubelab-node-root=${node.root}`)) {
      return { running: false, pid: undefined, since: undefined, commandLine: [] };
    }
    return { running: true, pid: proc.pid, since: proc.since, commandLine: proc.commandLine };
  }

  async start(cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus> {
    const current = await this.status(cluster, node);
    if (current.running) return current;
    const logPath = hostPath(node, NODE_PATHS.kubeletLog);
    const pidPath = hostPath(node, NODE_PATHS.kubeletPid);
    await Promise.all([mkdir(dirname(logPath), { recursive: true }), mkdir(dirname(pidPath), { recursive: true })]);
    const log = await open(logPath, 'a');
    const [binary, ...args] = this.commandLine(cluster, node);
    let pid: number | undefined;
    try {
      const child = spawn(binary as string, args, { detached: true, stdio: ['ignore', log.fd, log.fd], env: this.opts.env ?? process.env, cwd: '/' });
      child.on('error', () => undefined);
      child.unref();
      pid = child.pid;
    } finally {
      await log.close();
    }
    if (pid === undefined) throw new Error(`failed to start the kubelet of node "${node.name}": ${binary ?? 'node'} could not be run`);
    await writeFile(pidPath, `${pid}\n`);
    const started = await readProcess(pid);
    return { running: started !== undefined, pid, since: started?.since, commandLine: started?.commandLine ?? [binary as string, ...args] };
  }

  async stop(cluster: ClusterRecord, node: NodeRecord): Promise<void> {
    const st = await this.status(cluster, node);
    if (st.running && st.pid !== undefined) {
      const pid = st.pid;
      signal(pid, 'SIGTERM');
      if (!(await this.waitGone(pid, this.opts.stopTimeoutMs ?? 5000))) {
        signal(pid, 'SIGKILL');
        if (!(await this.waitGone(pid, 10_000))) throw new Error(`the kubelet of node "${node.name}" (pid ${pid}) did not exit after SIGKILL`);
      }
    }
    await rm(hostPath(node, NODE_PATHS.kubeletPid), { force: true });
  }

  /** A process that is not our child can only be watched through /proc. */
  private async waitGone(pid: number, timeoutMs: number): Promise<boolean> {
    const deadline = this.clock.now() + timeoutMs;
    while (await readProcess(pid)) {
      if (this.clock.now() >= deadline) return false;
      await this.clock.sleep(20);
    }
    return true;
  }

  async restart(cluster: ClusterRecord, node: NodeRecord): Promise<KubeletProcessStatus> {
    await this.stop(cluster, node);
    return this.start(cluster, node);
  }

  private async readPid(node: NodeRecord): Promise<number | undefined> {
    try {
      const pid = Number((await readFile(hostPath(node, NODE_PATHS.kubeletPid), 'utf8')).trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}
