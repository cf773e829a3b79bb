/** `kubelab node ssh NODE`: an interactive login shell in the node's view. */
import { findNode, NODE_CLUSTER_FLAG } from '../node/node-target.js';
import { runInNodeView } from '../node/node-view.js';
import type { Command } from './command.js';

export const nodeSshCommand: Command = {
  path: ['node', 'ssh'],
  usage: 'NODE',
  short: "Opens a shell in a node's view",
  long:
    "Opens an interactive shell (bash, else sh) in a node's view, on the terminal it is given: the prompt shows " +
    "the node's hostname, and /etc/kubernetes, /var/lib/kubelet, /var/log/pods, crictl, docker, systemctl and " +
    "journalctl are the node's. Exit the shell to leave. Needs root (mount and UTS namespaces).",
  example: '  kubelab node ssh kubelab-control-plane',
  flags: [NODE_CLUSTER_FLAG],
  args: { min: 1, max: 1 },
  async run(ctx) {
    const target = await findNode(ctx.args[0] ?? '', { cluster: String(ctx.flags.name ?? '') || undefined, env: ctx.env });
    return runInNodeView({ target, command: [], env: ctx.env, stdio: ctx.io });
  },
};
