/** The runtime value of an env fieldRef (kubelet_pods.go podFieldSelectorRuntimeValue). */
import type { Pod } from '@kubelab/api';
import { convertDownwardApiFieldLabel, extractFieldPathAsString } from './field-path.js';

export interface PodAddresses {
  /** Used for spec.nodeName when the pod has none. */
  nodeName: string;
  podIp: string;
  podIps?: string[];
  hostIp: string;
  hostIps?: string[];
}

/** podFieldSelectorRuntimeValue: node, service account and IPs, else the metadata paths. */
export function podFieldSelectorRuntimeValue(
  fs: { apiVersion?: string; fieldPath: string },
  pod: Pod,
  ctx: PodAddresses,
): string {
  const path = convertDownwardApiFieldLabel(fs.apiVersion, fs.fieldPath);
  const podIps = ctx.podIps && ctx.podIps.length > 0 ? ctx.podIps : ctx.podIp ? [ctx.podIp] : [];
  const hostIps = ctx.hostIps && ctx.hostIps.length > 0 ? ctx.hostIps : ctx.hostIp ? [ctx.hostIp] : [];
  switch (path) {
    case 'spec.nodeName':
      return pod.spec?.nodeName || ctx.nodeName;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      if (hostIps.length === 0) throw new Error('cannot get host IP: no host IP known');
      return hostIps[0] ?? '';
    case 'status.hostIPs':
      if (hostIps.length === 0) throw new Error('cannot get host IP: no host IP known');
      return hostIps.join(',');
    case 'status.podIP':
      return podIps[0] ?? '';
    case 'status.podIPs':
      return podIps.join(',');
  }
  return extractFieldPathAsString(pod, path);
}
