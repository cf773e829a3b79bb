/**
 * Which cluster and node a `kubelab node …` command or a node tool works on, from the
 * cluster.json records `create cluster` writes (cluster/cluster-store.ts).
 */
import type { FlagSpec } from '@kubelab/api';
import { listClusterDirectories, readClusterRecord } from '../cluster/cluster-store.js';
import type { ClusterRecord, NodeRecord } from '../cluster/layout.js';

/** `--name` of the node commands: which cluster's node (default: the one cluster that has it). */
export const NODE_CLUSTER_FLAG: FlagSpec = { name: 'name', type: 'string', default: '', usage: 'the cluster context name (default: the cluster that has NODE)' };

export interface NodeTarget {
  cluster: ClusterRecord;
  node: NodeRecord;
}

/** The node named `nodeName`; in the cluster `cluster` when given, else in whichever cluster has it. */
export async function findNode(nodeName: string, opts: { cluster?: string; env?: NodeJS.ProcessEnv } = {}): Promise<NodeTarget> {
  const env = opts.env ?? process.env;
  if (opts.cluster) {
    const cluster = await readClusterRecord(opts.cluster, env);
    if (!cluster) throw new Error(`unknown cluster "${opts.cluster}"`);
    const node = cluster.nodes.find((n) => n.name === nodeName);
    if (!node) throw new Error(`unknown node "${nodeName}" in cluster "${opts.cluster}"`);
    return { cluster, node };
  }
  const found: NodeTarget[] = [];
  for (const name of await listClusterDirectories(env)) {
    const cluster = await readClusterRecord(name, env);
    for (const node of cluster?.nodes ?? []) if (cluster && node.name === nodeName) found.push({ cluster, node });
  }
  const [first] = found;
  if (!first) throw new Error(`unknown node "${nodeName}"; 'kubelab get nodes' lists a cluster's nodes`);
  if (found.length > 1) {
    throw new Error(`node "${nodeName}" exists in clusters ${found.map((f) => `"${f.cluster.name}"`).join(', ')}; choose one with --name`);
  }
  return first;
}
