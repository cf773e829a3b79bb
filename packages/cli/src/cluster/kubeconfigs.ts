/**
 * The kubeconfig files of a cluster: the ones kubeadm writes in /etc/kubernetes (cluster
 * `kubernetes`, context `<user>@kubernetes`), and the user's entry `kubelab-<cluster>` that
 * `create cluster` merges into ~/.kube/config and `get kubeconfig` prints. Every one points at
 * https://127.0.0.1:<apiserver port>: the kubelets and the hostNetwork components run on this
 * machine, as kubectl does.
 */
import { buildKubeconfig } from '@kubelab/api/kubeconfig';
import type { TokenIdentity } from './pki/cluster-credentials.js';

export const KUBEADM_CLUSTER_NAME = 'kubernetes';

export function apiServerUrl(port: number, host = '127.0.0.1'): string {
  return `https://${host}:${port}`;
}

export function componentKubeconfig(server: string, caPem: string, id: TokenIdentity): string {
  return buildKubeconfig({
    clusterName: KUBEADM_CLUSTER_NAME,
    server,
    caData: caPem,
    user: id.user,
    token: id.token,
    contextName: `${id.user}@${KUBEADM_CLUSTER_NAME}`,
  });
}

/** kind's naming: cluster, user and context all `kubelab-<cluster>`. */
export function userContextName(cluster: string): string {
  return `kubelab-${cluster}`;
}

export function userKubeconfig(cluster: string, server: string, caPem: string, token: string): string {
  const name = userContextName(cluster);
  return buildKubeconfig({ clusterName: name, server, caData: caPem, user: name, token, contextName: name });
}
