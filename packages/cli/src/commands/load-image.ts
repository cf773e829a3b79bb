/** `kubelab load image IMAGE...`: makes local images usable by the cluster's pods (kind load docker-image). */
import { connectDocker } from '../cluster/docker-client.js';
import { readClusterRecord } from '../cluster/cluster-store.js';
import { loadImages } from '../node/load-image.js';
import type { Command } from './command.js';

export const loadImageCommand: Command = {
  path: ['load', 'image'],
  usage: 'IMAGE [IMAGE...] [flags]',
  short: 'Loads images from the local Docker engine into the cluster',
  long:
    "Loads images from the local Docker engine into the cluster's nodes, as kind load docker-image does: " +
    'pods can then run them with any imagePullPolicy, with no registry (a failed pull falls back to the loaded image).',
  example: '  kubelab load image my-app:dev\n  kubelab load image my-app:dev --name dev --nodes dev-worker',
  flags: [
    { name: 'name', type: 'string', default: 'kubelab', usage: 'the cluster context name' },
    { name: 'nodes', type: 'stringSlice', default: [], usage: 'comma separated list of nodes to load images into' },
  ],
  args: { min: 1 },
  async run(ctx) {
    const name = String(ctx.flags.name ?? 'kubelab');
    const cluster = await readClusterRecord(name, ctx.env);
    if (!cluster || cluster.nodes.length === 0) throw new Error(`no nodes found for cluster "${name}"`);
    const docker = await connectDocker(ctx.env);
    await loadImages({ docker, cluster, images: ctx.args, nodes: (ctx.flags.nodes as string[] | undefined) ?? [], log: (line) => ctx.logger.info(line) });
  },
};
