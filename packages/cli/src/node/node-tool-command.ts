/**
 * `kubelab node tool NODE -- crictl|docker|systemctl|journalctl [ARG...]`: one of the tools a
 * node's view has on its PATH, run for that node without entering the view (the view's shims
 * call it).
 */
import type { Command } from '../commands/command.js';
import { NODE_CLUSTER_FLAG } from './node-target.js';
import { exitQuietlyOnEpipe, runNodeToolFor } from './node-tool-runner.js';
import { NODE_TOOLS } from './tools/node-tool.js';

export const nodeToolCommand: Command = {
  path: ['node', 'tool'],
  usage: `NODE -- ${NODE_TOOLS.join('|')} [ARG...]`,
  short: "Runs crictl, docker, systemctl or journalctl for a node (the tools of the node's view)",
  long:
    "Runs one of the tools of a node's view for that node, without entering the view: crictl and docker show " +
    "the node's containers, systemctl and journalctl its kubelet. `kubelab node exec NODE -- crictl ps` runs the same tool.",
  example: '  kubelab node tool kubelab-worker -- crictl ps -a\n  kubelab node tool kubelab-control-plane -- journalctl -u kubelet -n 20',
  flags: [NODE_CLUSTER_FLAG],
  args: { min: 2 },
  async run(ctx) {
    const [node = '', tool = '', ...args] = ctx.args;
    if (ctx.io.stdout === process.stdout) exitQuietlyOnEpipe();
    return runNodeToolFor({
      node,
      cluster: String(ctx.flags.name ?? '') || undefined,
      tool,
      args,
      env: ctx.env,
      io: { stdin: ctx.io.stdin, stdout: ctx.io.stdout, stderr: ctx.io.stderr, signal: ctx.signal, stderrIsTTY: ctx.io.stderr.isTTY === true },
    });
  },
};
