/**
 * Which nodes a cluster gets: kind's names (`<cluster>-control-plane`, `<cluster>-worker`,
 * `<cluster>-worker2`, …) unless the config names them, one control plane, and the checks kind
 * makes on names.
 */
import type { ClusterConfig, NodeConfig, NodeRole } from './cluster-config.js';

export const DEFAULT_CLUSTER_NAME = 'kubelab';

export interface NodeSpec {
  name: string;
  role: NodeRole;
  /** Extra KubeletConfiguration fields (from the config file). */
  kubelet: Record<string, unknown>;
}

const CLUSTER_NAME = /^[a-z0-9.-]+$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateClusterName(name: string): void {
  if (!CLUSTER_NAME.test(name)) {
    throw new Error(`'${name}' is not a valid cluster name, cluster names must match \`${CLUSTER_NAME.source}\``);
  }
  if (name.length > 50) throw new Error(`'${name}' is not a valid cluster name: it must be no more than 50 characters`);
}

function validateNodeName(name: string): void {
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    throw new Error(
      `invalid node name ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

function defaultNodes(workers: number): NodeConfig[] {
  return [{ role: 'control-plane' }, ...Array.from({ length: workers }, (): NodeConfig => ({ role: 'worker' }))];
}

/** The nodes of the cluster, control plane first. `workers` is the --workers flag (undefined: not given). */
export function planNodes(clusterName: string, config: ClusterConfig | undefined, workers: number | undefined): NodeSpec[] {
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new Error(`invalid --workers ${workers}: must be 0 or more`);
  }
  if (config?.nodes && workers !== undefined) {
    throw new Error('--workers cannot be used with a config file that lists nodes');
  }
  const nodes = config?.nodes ?? defaultNodes(workers ?? 1);
  const controlPlanes = nodes.filter((n) => n.role === 'control-plane');
  if (controlPlanes.length !== 1) {
    throw new Error(`a cluster needs exactly one control-plane node, the config has ${controlPlanes.length}`);
  }
  const ordered = [...controlPlanes, ...nodes.filter((n) => n.role === 'worker')];
  let workerIndex = 0;
  const specs = ordered.map((n): NodeSpec => {
    const suffix = n.role === 'control-plane' ? 'control-plane' : `worker${++workerIndex === 1 ? '' : workerIndex}`;
    const name = n.name ?? `${clusterName}-${suffix}`;
    validateNodeName(name);
    return { name, role: n.role, kubelet: { ...n.kubelet } };
  });
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.name)) throw new Error(`duplicate node name ${JSON.stringify(s.name)}`);
    seen.add(s.name);
  }
  return specs;
}
