#!/usr/bin/env node
/**
 * Entry of the node tools' shims: `node-tool-main <crictl|docker|systemctl|journalctl> ARGS…`
 * with KUBELAB_HOME, KUBELAB_CLUSTER and KUBELAB_NODE naming the node (the shims set them).
 */
import Dockerode from 'dockerode';
import { findNode } from '../node-target.js';
import { kubeletProcessControl } from '../kubelet-control.js';
import type { KubeletProcessControl } from '../../cluster/kubelet-process-api.js';
import { isNodeTool, runNodeTool } from './node-tool.js';

async function main(argv: string[]): Promise<number> {
  const [tool = '', ...args] = argv;
  const env = process.env;
  if (!isNodeTool(tool)) {
    process.stderr.write(`kubelab node-tool: unknown tool "${tool}"\n`);
    return 2;
  }
  const nodeName = env.KUBELAB_NODE;
  if (!nodeName) {
    process.stderr.write(`${tool}: KUBELAB_NODE is not set: run it in a node's view (kubelab node exec NODE -- ${tool} …)\n`);
    return 1;
  }
  const target = await findNode(nodeName, { cluster: env.KUBELAB_CLUSTER, env });
  const ctl = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => ctl.abort());
  // A closed pipe (`journalctl -u kubelet | head`) ends the tool quietly, as it ends a C tool.
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : undefined));
  let control: KubeletProcessControl | undefined;
  const kubelet: KubeletProcessControl = {
    start: async (c, n) => (control ??= await kubeletProcessControl()).start(c, n),
    stop: async (c, n) => (control ??= await kubeletProcessControl()).stop(c, n),
    restart: async (c, n) => (control ??= await kubeletProcessControl()).restart(c, n),
    status: async (c, n) => (control ??= await kubeletProcessControl()).status(c, n),
  };
  return runNodeTool(tool, args, {
    target,
    docker: new Dockerode(),
    kubelet,
    io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: ctl.signal, stderrIsTTY: process.stderr.isTTY === true },
    path: env.PATH ?? '',
    shimDirs: env.KUBELAB_NODE_BIN ? [env.KUBELAB_NODE_BIN] : [],
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Follow loops and the Docker socket may keep handles open; the answer is complete.
    setImmediate(() => process.exit(code));
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message ?? String(err)}\n`);
    process.exit(1);
  },
);
