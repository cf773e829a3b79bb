/** `kubelab get nodes`: the node names of a cluster, as `kind get nodes`. */
import { listNodes } from '../cluster/clusters.js';
import type { Command } from './command.js';
import { clusterName, CLUSTER_NAME_FLAG } from './cluster-name-flag.js';

export const getNodesCommand: Command = {
  path: ['get', 'nodes'],
  short: 'Lists existing kubelab nodes by their name',
  flags: [CLUSTER_NAME_FLAG],
  async run(ctx) {
    const name = clusterName(ctx.flags, ctx.set, ctx.env);
    const nodes = await listNodes(name, ctx.env);
    if (nodes.length === 0) ctx.logger.info(`No kubelab nodes found for cluster "${name}".`);
    for (const n of nodes) ctx.io.stdout.write(`${n}\n`);
  },
};
