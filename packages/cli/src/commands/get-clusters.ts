/** `kubelab get clusters`: one name per line, as `kind get clusters`. */
import { listClusters } from '../cluster/clusters.js';
import type { Command } from './command.js';

export const getClustersCommand: Command = {
  path: ['get', 'clusters'],
  short: 'Lists existing kubelab clusters by their name',
  async run(ctx) {
    const names = await listClusters(ctx.env);
    if (names.length === 0) ctx.logger.info('No kubelab clusters found.');
    for (const n of names) ctx.io.stdout.write(`${n}\n`);
  },
};
