export { buildKubelet, startKubelet } from './kubelet-app.js';
export type { KubeletApp, KubeletAppOptions } from './kubelet-app.js';
export { NodeRoot } from './node-root.js';
export { KUBELET_FLAGS } from './options.js';
export { defaultKubeletConfiguration } from './config/kubelet-config.js';
export type { KubeletConfiguration } from './config/kubelet-config.js';
// The cluster network as the Docker runtime names and creates it (used by the kubelab CLI).
export { clusterNetworkName, ensureClusterNetwork, removeClusterNetwork } from './runtime/docker/docker-network.js';
export type { ClusterNetwork, EnsureNetworkOptions } from './runtime/docker/docker-network.js';
