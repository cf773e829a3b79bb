/** `kubelab delete cluster`: stops the kubelets and removes everything the cluster made. */
import { deleteCluster } from '../cluster/delete-cluster.js';
import type { Command } from './command.js';
import { clusterName, CLUSTER_NAME_FLAG } from './cluster-name-flag.js';

export const deleteClusterCommand: Command = {
  path: ['delete', 'cluster'],
  short: 'Deletes a cluster',
  long: 'Deletes a cluster: stops its kubelets and removes its containers, network, node roots and kubeconfig entries, also for a cluster whose creation did not finish',
  flags: [CLUSTER_NAME_FLAG],
  async run(ctx) {
    const name = clusterName(ctx.flags, ctx.set, ctx.env);
    ctx.logger.info(`Deleting cluster "${name}" ...`);
    try {
      const result = await deleteCluster(name, { env: ctx.env, logger: ctx.logger });
      if (result.nodes.length > 0) ctx.logger.info(`Deleted nodes: ${JSON.stringify(result.nodes)}`);
    } catch (err) {
      throw new Error('failed to delete cluster', { cause: err });
    }
  },
};
