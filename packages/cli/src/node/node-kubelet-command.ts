/** The shape of `kubelab node stop|start|restart NODE`: one kubelet process action on one node. */
import type { KubeletProcessControl } from '../cluster/kubelet-process-api.js';
import { kubeletProcessControl } from './kubelet-control.js';
import { findNode, NODE_CLUSTER_FLAG, type NodeTarget } from './node-target.js';
import type { Command } from '../commands/command.js';

export interface NodeKubeletAction {
  verb: 'stop' | 'start' | 'restart';
  short: string;
  long: string;
  act(control: KubeletProcessControl, target: NodeTarget): Promise<string>;
}

export function nodeKubeletCommand(action: NodeKubeletAction, control: () => Promise<KubeletProcessControl> = kubeletProcessControl): Command {
  return {
    path: ['node', action.verb],
    usage: 'NODE',
    short: action.short,
    long: action.long,
    example: `  kubelab node ${action.verb} kubelab-worker`,
    flags: [NODE_CLUSTER_FLAG],
    args: { min: 1, max: 1 },
    async run(ctx) {
      const target = await findNode(ctx.args[0] ?? '', { cluster: String(ctx.flags.name ?? '') || undefined, env: ctx.env });
      const message = await action.act(await control(), target);
      ctx.logger.info(message);
    },
  };
}
