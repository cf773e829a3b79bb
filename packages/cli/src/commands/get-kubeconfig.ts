/** `kubelab get kubeconfig`: prints a kubeconfig for kubectl on this machine. */
import { clusterKubeconfig } from '../cluster/clusters.js';
import type { Command } from './command.js';
import { clusterName, CLUSTER_NAME_FLAG } from './cluster-name-flag.js';

export const getKubeconfigCommand: Command = {
  path: ['get', 'kubeconfig'],
  short: 'Prints cluster kubeconfig',
  long: 'Prints the kubeconfig of a cluster (context, cluster and user kubelab-<name>), for kubectl on this machine',
  flags: [CLUSTER_NAME_FLAG],
  async run(ctx) {
    ctx.io.stdout.write(await clusterKubeconfig(clusterName(ctx.flags, ctx.set, ctx.env), ctx.env));
  },
};
