/** Node authorizer, then the built-in roles: what `kubectl auth can-i` answers from. */
import type { UserInfo } from '../registry/request-context.js';
import type { AuthorizationAttributes, Authorizer, Decision, NonResourceRule, ResourceRule } from './authorizer.js';
import {
  ADMIN_GROUPS,
  BASIC_NON_RESOURCE_RULES,
  BASIC_RESOURCE_RULES,
  matchesNonResourceRule,
  matchesRule,
  SUPER_USERS,
} from './authorizer.js';
import type { NodeGraph } from './node-authorizer.js';
import { authorizeNode, NODE_RULES, nodeNameOf } from './node-authorizer.js';

const ALL_RESOURCES: ResourceRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
const ALL_NON_RESOURCE: NonResourceRule = { verbs: ['*'], nonResourceURLs: ['*'] };

export class DefaultAuthorizer implements Authorizer {
  constructor(private readonly graph: NodeGraph) {}

  private isSuper(user: UserInfo): boolean {
    return user.groups.some((g) => ADMIN_GROUPS.includes(g)) || SUPER_USERS.includes(user.name);
  }

  authorize(a: AuthorizationAttributes): Decision {
    if (this.isSuper(a.user)) return { allowed: true, reason: '' };
    if (!a.isResourceRequest) {
      const ok = BASIC_NON_RESOURCE_RULES.some((r) => matchesNonResourceRule(r, a.verb, a.path));
      return { allowed: ok, reason: '' };
    }
    const node = nodeNameOf(a.user);
    if (node) {
      const d = authorizeNode(node, a, this.graph);
      if (d.allowed || d.reason) return d;
    }
    if (BASIC_RESOURCE_RULES.some((r) => matchesRule(r, a))) return { allowed: true, reason: '' };
    return { allowed: false, reason: '' };
  }

  rulesFor(user: UserInfo): { resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[] } {
    if (this.isSuper(user)) {
      return {
        resourceRules: [ALL_RESOURCES, ...BASIC_RESOURCE_RULES],
        nonResourceRules: [ALL_NON_RESOURCE, ...BASIC_NON_RESOURCE_RULES],
      };
    }
    const resourceRules = [...BASIC_RESOURCE_RULES];
    if (nodeNameOf(user)) resourceRules.push(...NODE_RULES);
    return { resourceRules, nonResourceRules: [...BASIC_NON_RESOURCE_RULES] };
  }
}

/** `User "jane" cannot list resource "pods" in API group "" in the namespace "default"` */
export function forbiddenReason(a: AuthorizationAttributes, reason: string): string {
  let s: string;
  if (a.isResourceRequest) {
    const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
    s = `User "${a.user.name}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`;
  } else {
    s = `User "${a.user.name}" cannot ${a.verb} path "${a.path}"`;
  }
  return reason ? `${s}: ${reason}` : s;
}
