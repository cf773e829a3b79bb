/**
 * Authorization (kube-apiserver --authorization-mode=Node,RBAC), reduced to the identities
 * kubelab issues: cluster admins, the control-plane components, nodes, and everyone else with
 * the default discovery and self-review rights.
 */
import type { UserInfo } from '../registry/request-context.js';

export interface AuthorizationAttributes {
  user: UserInfo;
  verb: string;
  isResourceRequest: boolean;
  /** Non-resource requests: the URL path. */
  path: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

export interface Decision {
  allowed: boolean;
  /** Why, when denied (appended to the Forbidden message). */
  reason: string;
}

export interface ResourceRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs: string[];
}

export interface Authorizer {
  authorize(a: AuthorizationAttributes): Decision;
  /** The rules that apply to a user in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): { resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[] };
}

export const ADMIN_GROUPS = ['system:masters', 'kubeadm:cluster-admins'];
export const SUPER_USERS = ['system:kube-scheduler', 'system:kube-controller-manager', 'system:apiserver'];

/** Rules every authenticated user has (system:basic-user, system:discovery, system:public-info-viewer). */
export const BASIC_RESOURCE_RULES: ResourceRule[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
];
export const BASIC_NON_RESOURCE_RULES: NonResourceRule[] = [
  { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
];

export function matchesRule(rule: ResourceRule, a: AuthorizationAttributes): boolean {
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (
    (rule.verbs.includes('*') || rule.verbs.includes(a.verb)) &&
    (rule.apiGroups.includes('*') || rule.apiGroups.includes(a.group)) &&
    (rule.resources.includes('*') || rule.resources.includes(res)) &&
    (!rule.resourceNames?.length || rule.resourceNames.includes(a.name))
  );
}

export function matchesNonResourceRule(rule: NonResourceRule, verb: string, path: string): boolean {
  if (!rule.verbs.includes('*') && !rule.verbs.includes(verb)) return false;
  return rule.nonResourceURLs.some((u) =>
    u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  );
}
