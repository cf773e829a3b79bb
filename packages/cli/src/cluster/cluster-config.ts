/**
 * The cluster config file (kind's `kind: Cluster` file, kubelab's group):
 *   kind: Cluster
 *   apiVersion: kubelab.dev/v1alpha1
 *   name: lab
 *   nodes:
 *   - role: control-plane
 *   - role: worker
 *     name: node01
 *     kubelet:                      # merged into that node's KubeletConfiguration
 *       staticPodPath: /etc/just-to-mess-with-you
 * Errors name the file and the field, in Kubernetes' field-error words.
 */
import { parse as parseYaml } from 'yaml';

export const CONFIG_API_VERSION = 'kubelab.dev/v1alpha1';
export const CONFIG_KIND = 'Cluster';

export type NodeRole = 'control-plane' | 'worker';

export interface NodeConfig {
  role: NodeRole;
  name?: string;
  /** Extra KubeletConfiguration fields for this node. */
  kubelet?: Record<string, unknown>;
}

export interface ClusterConfig {
  name?: string;
  nodes?: NodeConfig[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, message: string): never {
  throw new Error(`invalid cluster config ${JSON.stringify(file)}: ${message}`);
}

function parseNode(file: string, raw: unknown, i: number): NodeConfig {
  const at = `nodes[${i}]`;
  if (!isObject(raw)) fail(file, `${at}: Invalid value: must be an object`);
  for (const k of Object.keys(raw)) {
    if (!['role', 'name', 'kubelet'].includes(k)) fail(file, `${at}.${k}: unknown field`);
  }
  const role = raw['role'];
  if (role !== 'control-plane' && role !== 'worker') {
    fail(file, `${at}.role: Unsupported value: ${JSON.stringify(role ?? '')}: supported values: "control-plane", "worker"`);
  }
  const node: NodeConfig = { role };
  if (raw['name'] !== undefined) {
    if (typeof raw['name'] !== 'string') fail(file, `${at}.name: Invalid value: must be a string`);
    node.name = raw['name'];
  }
  if (raw['kubelet'] !== undefined) {
    if (!isObject(raw['kubelet'])) fail(file, `${at}.kubelet: Invalid value: must be an object of KubeletConfiguration fields`);
    node.kubelet = raw['kubelet'];
  }
  return node;
}

export function parseClusterConfig(text: string, file: string): ClusterConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    fail(file, `error converting YAML to JSON: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isObject(doc)) fail(file, 'must be a YAML object');
  if (doc['kind'] !== CONFIG_KIND) fail(file, `kind: Unsupported value: ${JSON.stringify(doc['kind'] ?? '')}: supported values: "${CONFIG_KIND}"`);
  if (doc['apiVersion'] !== CONFIG_API_VERSION) {
    fail(file, `apiVersion: Unsupported value: ${JSON.stringify(doc['apiVersion'] ?? '')}: supported values: "${CONFIG_API_VERSION}"`);
  }
  for (const k of Object.keys(doc)) {
    if (!['kind', 'apiVersion', 'name', 'nodes'].includes(k)) fail(file, `${k}: unknown field`);
  }
  const config: ClusterConfig = {};
  if (doc['name'] !== undefined) {
    if (typeof doc['name'] !== 'string') fail(file, 'name: Invalid value: must be a string');
    config.name = doc['name'];
  }
  if (doc['nodes'] !== undefined) {
    if (!Array.isArray(doc['nodes'])) fail(file, 'nodes: Invalid value: must be a list');
    config.nodes = doc['nodes'].map((n, i) => parseNode(file, n, i));
  }
  return config;
}
