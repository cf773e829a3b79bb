/**
 * A small real cluster for the node commands' tests: the kubelet e2e lab (API server, node
 * roots with their config.yaml and kubelet.conf, real Docker), recorded in a cluster.json
 * under a temp KUBELAB_HOME as `create cluster` records it, its kubelets started as `create
 * cluster` starts them (KubeletProcess: the kubelet bundle, detached, PID file, log in the
 * node root), and `kubelab` commands run on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { clusterNetworkName, ensureClusterNetwork } from '@kubelab/kubelet';
import { createLab, type Lab } from '../../kubelet/test/harness/lab.js';
import { buildBundles } from '../src/bundle/build-bundles.js';
import { writeClusterRecord } from '../src/cluster/cluster-store.js';
import { KubeletProcess } from '../src/cluster/kubelet-process.js';
import type { ClusterRecord, NodeRecord } from '../src/cluster/layout.js';
import type { CommandContext } from '../src/commands/command.js';
import { nodeExecCommand } from '../src/commands/node-exec.js';

import { waitFor } from '../../kubelet/test/harness/wait-for.js';

export { waitFor };

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface NodeLab {
  lab: Lab;
  home: string;
  env: NodeJS.ProcessEnv;
  record: ClusterRecord;
  kubelets: KubeletProcess;
  nodeRecord(name: string): NodeRecord;
  /** Waits until the node's kubelet answers /healthz. */
  waitHealthy(name: string): Promise<void>;
  /** Node names, in the order given. */
  nodes: string[];
  exec(node: string, command: string[], input?: string): Promise<ExecResult>;
  /** A CommandContext for calling a command's run() directly. */
  context(args: string[], flags?: Record<string, unknown>, input?: string): { ctx: CommandContext; out: () => ExecResult };
  cleanup(): Promise<void>;
}

export async function createNodeLab(opts: { nodes: string[]; prefix?: string }): Promise<NodeLab> {
  await buildBundles();
  const lab = await createLab(opts.prefix ?? 'klnode');
  const home = await mkdtemp(join(tmpdir(), `${lab.name}-home-`));
  const env: NodeJS.ProcessEnv = { ...process.env, KUBELAB_HOME: home };
  const names = opts.nodes.map((n) => `${lab.name}-${n}`);
  const kubelets = new KubeletProcess({ env });
  for (const n of names) await lab.addNode(n);
  const nodeRecords: NodeRecord[] = names.map((n, i) => {
    const l = lab.nodes.get(n);
    if (!l) throw new Error(`no lab node ${n}`);
    return { name: n, role: i === 0 ? 'control-plane' : 'worker', root: l.root, kubeletPort: l.port, healthzPort: l.healthzPort, staticPodPath: '/etc/kubernetes/manifests' };
  });
  const record: ClusterRecord = {
    name: lab.name,
    version: 'v1.32.0',
    createdAt: new Date().toISOString(),
    apiServer: { host: '127.0.0.1', port: lab.apiPort, advertiseAddress: '127.0.0.1' },
    network: { name: lab.name, gateway: '127.0.0.1', subnet: '' },
    nodes: nodeRecords,
  };
  const nodeRecord = (name: string): NodeRecord => {
    const r = nodeRecords.find((n) => n.name === name);
    if (!r) throw new Error(`no node ${name}`);
    return r;
  };
  const waitHealthy = (name: string): Promise<void> =>
    waitFor(`the kubelet of ${name} to be healthy`, async () => (await fetch(`http://127.0.0.1:${nodeRecord(name).healthzPort}/healthz`)).ok, { timeoutMs: 30_000 }).then(() => undefined);
  const cleanup = async (): Promise<void> => {
    for (const n of nodeRecords) await kubelets.stop(record, n).catch(() => undefined);
    await lab.cleanup();
    await rm(home, { recursive: true, force: true });
  };
  try {
    await writeClusterRecord(record, env);
    await lab.startApiServer();
    // As `create cluster` does before the kubelets start (concurrent kubelets may race to create it).
    await ensureClusterNetwork(lab.docker, { name: clusterNetworkName(lab.name), clusterName: lab.name });
    for (const n of nodeRecords) await kubelets.start(record, n);
    await Promise.all(names.map(waitHealthy));
  } catch (err) {
    await cleanup();
    throw err;
  }

  const context = (args: string[], flags: Record<string, unknown> = {}, input?: string): { ctx: CommandContext; out: () => ExecResult } => {
    let stdout = '';
    let stderr = '';
    const ctx: CommandContext = {
      args,
      flags: { name: '', ...flags } as CommandContext['flags'],
      set: new Set(Object.keys(flags)),
      io: {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
        env,
      },
      env,
      verbosity: 0,
      quiet: false,
      logger: { debug: () => undefined, info: (m: string) => (stderr += `${m}\n`), warn: () => undefined, error: () => undefined, with: () => ctx.logger, named: () => ctx.logger } as unknown as CommandContext['logger'],
      signal: new AbortController().signal,
    };
    return { ctx, out: () => ({ code: 0, stdout, stderr }) };
  };

  return {
    lab,
    home,
    env,
    record,
    kubelets,
    nodeRecord,
    waitHealthy,
    nodes: names,
    context,
    async exec(node, command, input) {
      const { ctx, out } = context([node, ...command], {}, input);
      const code = (await nodeExecCommand.run(ctx)) ?? 0;
      return { ...out(), code };
    },
    cleanup,
  };
}
