/**
 * Runs one node tool for a node named on the command line: what the shims of a node's view
 * end in, through `kubelab node tool NODE -- TOOL ARGS…` (or, from source, node-tool-main).
 */
import Dockerode from 'dockerode';
import { kubeletProcessControl } from './kubelet-control.js';
import { findNode } from './node-target.js';
import { isNodeTool, NODE_TOOLS, runNodeTool } from './tools/node-tool.js';
import type { ToolIO } from './tools/tool-io.js';

export interface NodeToolRun {
  node: string;
  cluster?: string;
  tool: string;
  args: string[];
  io: ToolIO;
  env: NodeJS.ProcessEnv;
}

export async function runNodeToolFor(o: NodeToolRun): Promise<number> {
  if (!isNodeTool(o.tool)) throw new Error(`unknown node tool "${o.tool}": one of ${NODE_TOOLS.join(', ')}`);
  const target = await findNode(o.node, { cluster: o.cluster, env: o.env });
  return runNodeTool(o.tool, o.args, {
    target,
    docker: new Dockerode(),
    kubelet: await kubeletProcessControl(o.env),
    io: o.io,
    path: o.env.PATH ?? '',
    shimDirs: o.env.KUBELAB_NODE_BIN ? [o.env.KUBELAB_NODE_BIN] : [],
  });
}

/** A closed pipe (`journalctl -u kubelet | head`) ends the tool quietly, as it ends a C program. */
export function exitQuietlyOnEpipe(): void {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
    });
  }
}

/** `[--name CLUSTER] NODE -- TOOL ARGS…`, as the shims call the node-tool entry. */
export function parseNodeToolArgv(argv: string[]): { cluster?: string; node: string; tool: string; args: string[] } {
  let i = 0;
  let cluster: string | undefined;
  if (argv[0] === '--name') {
    cluster = argv[1] || undefined;
    i = 2;
  }
  const node = argv[i] ?? '';
  if (!node || argv[i + 1] !== '--') throw new Error('usage: node-tool-main [--name CLUSTER] NODE -- TOOL [ARG...]');
  return { cluster, node, tool: argv[i + 2] ?? '', args: argv.slice(i + 3) };
}
