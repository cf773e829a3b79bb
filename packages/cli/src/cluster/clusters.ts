/** `get clusters`, `get nodes` and `get kubeconfig` as library calls. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKubeconfig } from '@kubelab/api/kubeconfig';
import { listClusterDirectories, readClusterRecord } from './cluster-store.js';
import { apiServerUrl, userKubeconfig } from './kubeconfigs.js';
import { NODE_PATHS } from './layout.js';

export function listClusters(env?: NodeJS.ProcessEnv): Promise<string[]> {
  return listClusterDirectories(env);
}

/** Node names of the cluster (control plane first), [] for an unknown cluster. */
export async function listNodes(cluster: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const record = await readClusterRecord(cluster, env);
  return record?.nodes.map((n) => n.name) ?? [];
}

/** A kubeconfig for kubectl on this machine: the admin's credentials, entries named kubelab-<cluster>. */
export async function clusterKubeconfig(cluster: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const record = await readClusterRecord(cluster, env);
  const cp = record?.nodes.find((n) => n.role === 'control-plane');
  if (!record || !cp) {
    throw new Error(`could not locate any control plane nodes for cluster named '${cluster}'. Use the --name option to select a different cluster`);
  }
  const admin = parseKubeconfig(await readFile(join(cp.root, NODE_PATHS.adminConf), 'utf8'));
  const caData = admin.clusters?.[0]?.cluster['certificate-authority-data'];
  const token = admin.users?.[0]?.user.token;
  if (typeof caData !== 'string' || typeof token !== 'string') throw new Error(`${cp.root}${NODE_PATHS.adminConf} holds no CA or token`);
  return userKubeconfig(cluster, apiServerUrl(record.apiServer.port, record.apiServer.host), Buffer.from(caData, 'base64').toString('utf8'), token);
}
