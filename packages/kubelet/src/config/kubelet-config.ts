/**
 * KubeletConfiguration (kubelet.config.k8s.io/v1beta1): the fields kubelab uses, with the
 * defaults of pkg/kubelet/apis/config/v1beta1/defaults.go. Durations are milliseconds here
 * (Go duration strings in the file). Fields upstream knows but kubelab does not use are
 * accepted and ignored; kubelab's own node capacity lives under `kubelab.io/capacity`.
 */
import type { Taint } from '@kubelab/api';

export const KUBELET_CONFIG_API_VERSION = 'kubelet.config.k8s.io/v1beta1';
export const KUBELET_CONFIG_KIND = 'KubeletConfiguration';
/** kubelab's extension: the node capacity to report instead of the host's. */
export const KUBELAB_CAPACITY_FIELD = 'kubelab.io/capacity';

export interface KubeletCapacity {
  /** A quantity, e.g. "2" or "1500m". */
  cpu?: string;
  /** A quantity, e.g. "4Gi". */
  memory?: string;
  /** Defaults to maxPods when unset. */
  pods?: number;
}

export interface KubeletConfiguration {
  /** Node-view path of the manifests directory or file; "" disables the file source. */
  staticPodPath: string;
  fileCheckFrequency: number;
  staticPodURL: string;
  staticPodURLHeader: Record<string, string[]>;
  httpCheckFrequency: number;
  syncFrequency: number;
  nodeStatusUpdateFrequency: number;
  nodeStatusReportFrequency: number;
  nodeLeaseDurationSeconds: number;
  address: string;
  port: number;
  /** 0: disabled. */
  readOnlyPort: number;
  healthzBindAddress: string;
  /** 0: disabled. */
  healthzPort: number;
  registerNode: boolean;
  registerWithTaints: Taint[];
  maxPods: number;
  podsPerCore: number;
  systemReserved: Record<string, string>;
  kubeReserved: Record<string, string>;
  evictionHard: Record<string, string>;
  clusterDNS: string[];
  clusterDomain: string;
  authentication: {
    x509: { clientCAFile: string };
    webhook: { enabled: boolean; cacheTTL: number };
    anonymous: { enabled: boolean };
  };
  authorization: {
    /** `Webhook` or `AlwaysAllow`. */
    mode: string;
    webhook: { cacheAuthorizedTTL: number; cacheUnauthorizedTTL: number };
  };
  tlsCertFile: string;
  tlsPrivateKeyFile: string;
  cgroupDriver: string;
  containerRuntimeEndpoint: string;
  capacity: KubeletCapacity;
}

/** What a file may set: any field, at any depth, may be missing. */
export type KubeletConfigurationInput = {
  [K in keyof KubeletConfiguration]?: KubeletConfiguration[K] extends
    readonly unknown[] | Record<string, string | string[]>
    ? KubeletConfiguration[K]
    : KubeletConfiguration[K] extends object
      ? { [L in keyof KubeletConfiguration[K]]?: Partial<KubeletConfiguration[K][L]> }
      : KubeletConfiguration[K];
};

/** The v1beta1 evictionHard default. */
export const DEFAULT_EVICTION_HARD: Readonly<Record<string, string>> = {
  'memory.available': '100Mi',
  'nodefs.available': '10%',
  'nodefs.inodesFree': '5%',
  'imagefs.available': '15%',
  'imagefs.inodesFree': '5%',
};

/**
 * SetDefaults_KubeletConfiguration on what the file gave (zero values are "unset", as in Go).
 * nodeStatusReportFrequency defaults to nodeStatusUpdateFrequency when that one is set.
 */
export function defaultKubeletConfiguration(
  c: KubeletConfigurationInput = {},
): KubeletConfiguration {
  const auth = c.authentication;
  const authz = c.authorization;
  const updateFreq = c.nodeStatusUpdateFrequency || 0;
  return {
    staticPodPath: c.staticPodPath ?? '',
    fileCheckFrequency: c.fileCheckFrequency || 20_000,
    staticPodURL: c.staticPodURL ?? '',
    staticPodURLHeader: c.staticPodURLHeader ?? {},
    httpCheckFrequency: c.httpCheckFrequency || 20_000,
    syncFrequency: c.syncFrequency || 60_000,
    nodeStatusUpdateFrequency: updateFreq || 10_000,
    nodeStatusReportFrequency: c.nodeStatusReportFrequency || updateFreq || 300_000,
    nodeLeaseDurationSeconds: c.nodeLeaseDurationSeconds || 40,
    address: c.address || '0.0.0.0',
    port: c.port || 10250,
    readOnlyPort: c.readOnlyPort ?? 0,
    healthzBindAddress: c.healthzBindAddress || '127.0.0.1',
    healthzPort: c.healthzPort ?? 10248,
    registerNode: c.registerNode ?? true,
    registerWithTaints: c.registerWithTaints ?? [],
    maxPods: c.maxPods || 110,
    podsPerCore: c.podsPerCore ?? 0,
    systemReserved: c.systemReserved ?? {},
    kubeReserved: c.kubeReserved ?? {},
    evictionHard: c.evictionHard ?? { ...DEFAULT_EVICTION_HARD },
    clusterDNS: c.clusterDNS ?? [],
    clusterDomain: c.clusterDomain ?? '',
    authentication: {
      x509: { clientCAFile: auth?.x509?.clientCAFile ?? '' },
      webhook: {
        enabled: auth?.webhook?.enabled ?? true,
        cacheTTL: auth?.webhook?.cacheTTL || 120_000,
      },
      anonymous: { enabled: auth?.anonymous?.enabled ?? false },
    },
    authorization: {
      mode: authz?.mode || 'Webhook',
      webhook: {
        cacheAuthorizedTTL: authz?.webhook?.cacheAuthorizedTTL || 300_000,
        cacheUnauthorizedTTL: authz?.webhook?.cacheUnauthorizedTTL || 30_000,
      },
    },
    tlsCertFile: c.tlsCertFile ?? '',
    tlsPrivateKeyFile: c.tlsPrivateKeyFile ?? '',
    cgroupDriver: c.cgroupDriver || 'cgroupfs',
    containerRuntimeEndpoint:
      c.containerRuntimeEndpoint || 'unix:///run/containerd/containerd.sock',
    capacity: c.capacity ?? {},
  };
}
