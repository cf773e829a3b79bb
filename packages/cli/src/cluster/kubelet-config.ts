/**
 * /var/lib/kubelet/config.yaml as kubeadm writes it (componentconfigs/kubelet.go: webhook
 * authn/authz, the cluster CA, clusterDNS and clusterDomain, healthz on 127.0.0.1, zero
 * durations left to the kubelet's defaults), with the node's ports and kubelab's cgroup
 * driver (Docker's), and the config file's per-node fields merged over it.
 */
import { stringify } from 'yaml';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './pki/cluster-credentials.js';

export const DEFAULT_STATIC_POD_PATH = '/etc/kubernetes/manifests';

export interface KubeletConfigOptions {
  port: number;
  healthzPort: number;
  /** Docker's cgroup driver (`cgroupfs` or `systemd`). */
  cgroupDriver: string;
  /** Fields from the cluster config file, merged over the generated ones. */
  extra?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merged key by key; anything else in `over` replaces. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

export function kubeletConfiguration(o: KubeletConfigOptions): Record<string, unknown> {
  const generated: Record<string, unknown> = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    address: '0.0.0.0',
    authentication: {
      anonymous: { enabled: false },
      webhook: { cacheTTL: '0s', enabled: true },
      x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '0s', cacheUnauthorizedTTL: '0s' } },
    cgroupDriver: o.cgroupDriver,
    clusterDNS: [CLUSTER_DNS_IP],
    clusterDomain: CLUSTER_DOMAIN,
    containerRuntimeEndpoint: '',
    cpuManagerReconcilePeriod: '0s',
    evictionPressureTransitionPeriod: '0s',
    fileCheckFrequency: '0s',
    healthzBindAddress: '127.0.0.1',
    healthzPort: o.healthzPort,
    httpCheckFrequency: '0s',
    imageMaximumGCAge: '0s',
    imageMinimumGCAge: '0s',
    nodeStatusReportFrequency: '0s',
    nodeStatusUpdateFrequency: '0s',
    port: o.port,
    rotateCertificates: true,
    runtimeRequestTimeout: '0s',
    shutdownGracePeriod: '0s',
    shutdownGracePeriodCriticalPods: '0s',
    staticPodPath: DEFAULT_STATIC_POD_PATH,
    streamingConnectionIdleTimeout: '0s',
    syncFrequency: '0s',
    volumeStatsAggPeriod: '0s',
  };
  return deepMerge(generated, o.extra ?? {});
}

export function kubeletConfigYaml(config: Record<string, unknown>): string {
  return stringify(config, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

/** The node-view staticPodPath a (merged) configuration sets; '' when it disables the file source. */
export function staticPodPathOf(config: Record<string, unknown>): string {
  const p = config['staticPodPath'];
  return typeof p === 'string' ? p : DEFAULT_STATIC_POD_PATH;
}

/** A port field the config file fixes for a node, if it does. */
export function fixedPort(extra: Record<string, unknown> | undefined, field: 'port' | 'healthzPort'): number | undefined {
  const v = extra?.[field];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
