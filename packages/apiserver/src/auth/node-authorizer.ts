/**
 * The Node authorizer (plugin/pkg/auth/authorizer/node): a kubelet may read what its node
 * needs and write its own Node, Lease, events, mirror pods and pod statuses. Secrets and config
 * maps only when a pod bound to the node uses them. NodeRestriction admission narrows the writes
 * further (which objects exactly).
 */
import type { AuthorizationAttributes, Decision, ResourceRule } from './authorizer.js';
import { matchesRule } from './authorizer.js';

export const NODE_USER_PREFIX = 'system:node:';
export const NODES_GROUP = 'system:nodes';

/** The node a user speaks for, if it is a node identity. */
export function nodeNameOf(user: { name: string; groups: string[] }): string | undefined {
  if (!user.groups.includes(NODES_GROUP) || !user.name.startsWith(NODE_USER_PREFIX)) return undefined;
  return user.name.slice(NODE_USER_PREFIX.length) || undefined;
}

/** Answers whether a pod bound to `node` references a secret / configmap / ... */
export interface NodeGraph {
  nodeReferences(node: string, resource: 'secrets' | 'configmaps' | 'serviceaccounts', namespace: string, name: string): boolean;
}

const READ = ['get', 'list', 'watch'];

/** system:node ClusterRole, as far as kubelab's resources go. */
export const NODE_RULES: ResourceRule[] = [
  { verbs: READ, apiGroups: [''], resources: ['nodes', 'pods', 'services', 'endpoints', 'namespaces'] },
  { verbs: ['create', 'update', 'patch', 'delete'], apiGroups: [''], resources: ['nodes'] },
  { verbs: ['patch', 'update'], apiGroups: [''], resources: ['nodes/status', 'pods/status'] },
  { verbs: ['create', 'delete'], apiGroups: [''], resources: ['pods'] },
  { verbs: ['create'], apiGroups: [''], resources: ['pods/eviction'] },
  { verbs: ['create', 'update', 'patch'], apiGroups: [''], resources: ['events'] },
  { verbs: ['get', 'create', 'update', 'patch', 'delete', 'list', 'watch'], apiGroups: ['coordination.k8s.io'], resources: ['leases'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'subjectaccessreviews'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'] },
];

export function authorizeNode(node: string, a: AuthorizationAttributes, graph: NodeGraph): Decision {
  if (a.group === '' && a.verb === 'get' && (a.resource === 'secrets' || a.resource === 'configmaps')) {
    if (a.name && graph.nodeReferences(node, a.resource, a.namespace, a.name)) return { allowed: true, reason: '' };
    return { allowed: false, reason: `no relationship found between node '${node}' and this object` };
  }
  if (NODE_RULES.some((r) => matchesRule(r, a))) return { allowed: true, reason: '' };
  return { allowed: false, reason: '' };
}
