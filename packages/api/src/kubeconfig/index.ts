export type { ClusterConnection } from '../client/cluster-connection.js';
export { buildKubeconfig, type BuildKubeconfigOptions } from './build-kubeconfig.js';
export {
  isEmptyKubeconfig,
  parseKubeconfig,
  serializeKubeconfig,
  type KubeconfigCluster,
  type KubeconfigContext,
  type KubeconfigFile,
  type KubeconfigUser,
} from './kubeconfig-file.js';
export {
  ERR_EMPTY_CONFIG,
  loadKubeconfig,
  resolveConnection,
  type ResolveOptions,
} from './load-kubeconfig.js';
export {
  mergeKubeconfig,
  removeFromKubeconfig,
  type KubeconfigEntryNames,
} from './merge-kubeconfig.js';
