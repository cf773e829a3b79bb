/**
 * Where a cluster lives on the host (kind keeps no state; kubelab keeps the node roots):
 *   $KUBELAB_HOME (default ~/.kubelab)/clusters/<cluster>/
 *     cluster.json                 what `create cluster` decided (nodes, ports, image tags)
 *     nodes/<node>/                the node root: that node's `/`
 *       etc/kubernetes/{manifests,pki,*.conf}, var/lib/kubelet/config.yaml,
 *       var/log/kubelet.log, var/log/pods/, var/run/kubelet.pid
 * Docker objects carry `io.kubelab.cluster=<cluster>` (and `io.kubelab.node=<node>`).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CLUSTER_LABEL = 'io.kubelab.cluster';
export const NODE_LABEL = 'io.kubelab.node';

export function kubelabHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBELAB_HOME || join(homedir(), '.kubelab');
}

export function clusterDir(cluster: string, env?: NodeJS.ProcessEnv): string {
  return join(kubelabHome(env), 'clusters', cluster);
}

export function nodeRootDir(cluster: string, node: string, env?: NodeJS.ProcessEnv): string {
  return join(clusterDir(cluster, env), 'nodes', node);
}

/** Node-view paths kubelab writes on every node. */
export const NODE_PATHS = {
  manifests: '/etc/kubernetes/manifests',
  pki: '/etc/kubernetes/pki',
  kubeletConf: '/etc/kubernetes/kubelet.conf',
  adminConf: '/etc/kubernetes/admin.conf',
  schedulerConf: '/etc/kubernetes/scheduler.conf',
  controllerManagerConf: '/etc/kubernetes/controller-manager.conf',
  kubeletConfig: '/var/lib/kubelet/config.yaml',
  kubeletLog: '/var/log/kubelet.log',
  kubeletPid: '/var/run/kubelet.pid',
  apiserverData: '/var/lib/kubelab',
  podLogs: '/var/log/pods',
} as const;

/** What `create cluster` records in cluster.json. */
export interface ClusterRecord {
  name: string;
  version: string;
  createdAt: string;
  /** host:port kubectl uses from this machine. */
  apiServer: { host: string; port: number; advertiseAddress: string };
  network: { name: string; gateway: string; subnet: string };
  nodes: NodeRecord[];
  /** Host ports of the hostNetwork control-plane components (absent in records of older kubelab). */
  componentPorts?: ComponentPorts;
}

export interface ComponentPorts {
  kubeScheduler: number;
  kubeControllerManager: number;
}

export interface NodeRecord {
  name: string;
  role: 'control-plane' | 'worker';
  /** Host directory standing for the node's `/`. */
  root: string;
  kubeletPort: number;
  healthzPort: number;
  /** staticPodPath of this node's KubeletConfiguration (node-view path). */
  staticPodPath: string;
}
