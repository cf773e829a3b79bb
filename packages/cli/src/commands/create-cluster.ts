/** `kubelab create cluster`: flags → createCluster (kind's createcluster.go). */
import { readFile } from 'node:fs/promises';
import { parseClusterConfig, type ClusterConfig } from '../cluster/cluster-config.js';
import { createCluster } from '../cluster/create-cluster.js';
import { createProgress } from '../cluster/progress.js';
import type { Command } from './command.js';
import { clusterName, CLUSTER_NAME_FLAG } from './cluster-name-flag.js';

async function readConfig(path: string): Promise<ClusterConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`error reading file: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? `open ${path}: no such file or directory` : (err as Error).message}`);
  }
  return parseClusterConfig(text, path);
}

export const createClusterCommand: Command = {
  path: ['create', 'cluster'],
  short: 'Creates a local Kubernetes cluster',
  long: "Creates a local Kubernetes cluster: a control plane booted from static Pod manifests by its node's kubelet, as kubeadm boots one, and worker nodes, each a kubelet process with its own node root",
  example: '  kubelab create cluster --workers 2 --wait 1m\n  kubelab create cluster --name lab --config lab.yaml',
  flags: [
    { ...CLUSTER_NAME_FLAG, usage: 'cluster name, overrides KUBELAB_CLUSTER_NAME, config' },
    { name: 'workers', type: 'int', default: 1, usage: 'number of worker nodes (not with a config file that lists nodes)' },
    { name: 'config', type: 'string', default: '', usage: 'path to a kubelab config file (kind: Cluster, apiVersion: kubelab.dev/v1alpha1)' },
    { name: 'wait', type: 'duration', default: 0, usage: 'wait for every node to be Ready and every control-plane pod to be Running' },
    { name: 'retain', type: 'bool', default: false, usage: 'retain nodes for debugging when cluster creation fails' },
  ],
  async run(ctx) {
    const { flags, set } = ctx;
    const config = flags['config'] ? await readConfig(String(flags['config'])) : undefined;
    const name = set.has('name') || !config?.name ? clusterName(flags, set, ctx.env) : config.name;
    try {
      await createCluster({
        name,
        config,
        workers: set.has('workers') ? Number(flags['workers']) : undefined,
        waitMs: Number(flags['wait'] ?? 0),
        retain: flags['retain'] === true,
        env: ctx.env,
        logger: ctx.logger,
        progress: createProgress(ctx.io.stdout, ctx.quiet),
        signal: ctx.signal,
      });
    } catch (err) {
      throw new Error('failed to create cluster', { cause: err });
    }
  },
};
