/**
 * `delete cluster` as a library call: works from what exists, not from what cluster.json says
 * (a half-created cluster may lack it): stops the kubelets of every node directory (by PID
 * file, then any straggler /proc shows running on a node root of the cluster), removes every
 * container and network labelled io.kubelab.cluster=<name>, the cluster directory and the
 * kubeconfig entries. Deleting a cluster that does not exist succeeds, as in kind.
 */
import { rm } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import { noopLogger, realClock, type Clock, type Logger } from '@kubelab/api';
import { removeClusterNetwork } from '@kubelab/kubelet';
import { readClusterRecord, listNodeDirectories } from './cluster-store.js';
import { connectDocker } from './docker-client.js';
import type { KubeletProcessControl } from './kubelet-process-api.js';
import { KubeletProcess } from './kubelet-process.js';
import { CLUSTER_LABEL, clusterDir, nodeRootDir, type ClusterRecord, type NodeRecord } from './layout.js';
import { findProcesses } from './proc-status.js';
import { warnWhenDockerIsSlow } from './slow-docker.js';
import { removeUserKubeconfig } from './user-kubeconfig.js';

export interface DeleteClusterOptions {
  env?: NodeJS.ProcessEnv;
  docker?: Dockerode;
  kubelets?: KubeletProcessControl;
  logger?: Logger;
  clock?: Clock;
}

export interface DeleteClusterResult {
  /** The nodes whose kubelets and roots were removed. */
  nodes: string[];
  containers: number;
}

/** The record, or one rebuilt from the node directories (enough to stop kubelets). */
async function recordOrSkeleton(name: string, env: NodeJS.ProcessEnv): Promise<ClusterRecord> {
  const record = await readClusterRecord(name, env);
  const dirs = await listNodeDirectories(name, env);
  const known = new Set(record?.nodes.map((n) => n.name));
  const extra: NodeRecord[] = dirs
    .filter((d) => !known.has(d))
    .map((d) => ({ name: d, role: 'worker', root: nodeRootDir(name, d, env), kubeletPort: 0, healthzPort: 0, staticPodPath: '' }));
  const base: ClusterRecord = record ?? {
    name,
    version: '',
    createdAt: '',
    apiServer: { host: '127.0.0.1', port: 0, advertiseAddress: '' },
    network: { name: '', gateway: '', subnet: '' },
    nodes: [],
  };
  return { ...base, nodes: [...base.nodes, ...extra] };
}

async function killStragglers(dir: string): Promise<void> {
  const rootFlag = `--kubelab-node-root=${dir}/`;
  for (const p of await findProcesses((cmd) => cmd.some((a) => a.startsWith(rootFlag)))) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Every container and network labelled for the cluster; how many there were. */
async function removeDockerObjects(docker: Dockerode, name: string): Promise<{ containers: number; networks: number }> {
  const filters = { label: [`${CLUSTER_LABEL}=${name}`] };
  const containers = await docker.listContainers({ all: true, filters });
  // One at a time: Debian 12's dockerd (20.10.24) can deadlock in libnetwork when containers
  // of one network are removed together (moby/moby#46661), and then answers nothing until it
  // is restarted.
  for (const c of containers) {
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch((err: unknown) => {
        if ((err as { statusCode?: number }).statusCode !== 404) throw err;
      });
  }
  const networks = await docker.listNetworks({ filters });
  for (const n of networks) await removeClusterNetwork(docker, n.Id);
  return { containers: containers.length, networks: networks.length };
}

export async function deleteCluster(name: string, o: DeleteClusterOptions = {}): Promise<DeleteClusterResult> {
  const env = o.env ?? process.env;
  const logger = o.logger ?? noopLogger;
  const docker = o.docker ?? (await connectDocker(env));
  const kubelets = o.kubelets ?? new KubeletProcess({ env });
  const record = await recordOrSkeleton(name, env);
  await Promise.all(record.nodes.map((n) => kubelets.stop(record, n)));
  await killStragglers(clusterDir(name, env));

  const { containers, networks } = await warnWhenDockerIsSlow(() => removeDockerObjects(docker, name), {
    clock: o.clock ?? realClock,
    logger,
  });
  await rm(clusterDir(name, env), { recursive: true, force: true });
  await removeUserKubeconfig(name, env);
  logger.debug('Deleted cluster', { cluster: name, nodes: record.nodes.length, containers, networks });
  return { nodes: record.nodes.map((n) => n.name), containers };
}
