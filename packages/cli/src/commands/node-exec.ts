/** `kubelab node exec NODE -- COMMAND [ARG...]`: a command in the node's own view. */
import { findNode, NODE_CLUSTER_FLAG } from '../node/node-target.js';
import { runInNodeView } from '../node/node-view.js';
import type { Command } from './command.js';

export const nodeExecCommand: Command = {
  path: ['node', 'exec'],
  usage: 'NODE -- COMMAND [ARG...]',
  short: "Runs a command in a node's view",
  long:
    "Runs a command in a node's view: /etc/kubernetes, /var/lib/kubelet and /var/log/pods are that node's, " +
    'the hostname is the node\'s name, and crictl, docker, systemctl and journalctl answer for that node. ' +
    "The command's exit code is returned and standard input reaches it. Needs root (mount and UTS namespaces).",
  example: '  kubelab node exec kubelab-worker -- crictl ps\n  kubelab node exec kubelab-control-plane -- ls -l /etc/kubernetes/manifests',
  flags: [NODE_CLUSTER_FLAG],
  args: { min: 2 },
  async run(ctx) {
    const [nodeName = '', ...command] = ctx.args;
    const target = await findNode(nodeName, { cluster: String(ctx.flags.name ?? '') || undefined, env: ctx.env });
    return runInNodeView({ target, command, env: ctx.env, stdio: ctx.io });
  },
};
