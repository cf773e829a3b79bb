/**
 * Upstream naming of OpenAPI operations and tags: `patchCoreV1NamespacedPod`,
 * `listAppsV1DeploymentForAllNamespaces`, tag `rbacAuthorization_v1`.
 */

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The words of a group name without the `.k8s.io` suffix: `rbac.authorization.k8s.io` -> [rbac, authorization]. */
function groupWords(group: string): string[] {
  return group === '' ? ['core'] : group.replace(/\.k8s\.io$/, '').split('.');
}

/** `CoreV1`, `AppsV1`, `AuthorizationV1`, `RbacAuthorizationV1`. */
export function groupVersionPrefix(group: string, version: string): string {
  return groupWords(group).map(pascal).join('') + pascal(version);
}

/** The OpenAPI tag of a group version: `core_v1`, `apps_v1`, `rbacAuthorization_v1`. */
export function groupVersionTag(group: string, version: string): string {
  const [first = '', ...rest] = groupWords(group);
  return `${first}${rest.map(pascal).join('')}_${version}`;
}

/** `subresource` as it appears in an operation id: `status` -> `Status`. */
export function subresourceSuffix(subresource: string): string {
  return pascal(subresource);
}

/** `a Pod`, `an Eviction`. */
export function article(word: string): 'a' | 'an' {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
