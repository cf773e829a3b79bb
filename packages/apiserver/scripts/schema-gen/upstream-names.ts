/**
 * Maps a `kubernetes-types` module and type name to the definition name upstream's OpenAPI uses
 * (`core/v1` + `Pod` -> `io.k8s.api.core.v1.Pod`).
 */

const APIMACHINERY: Readonly<Record<string, string>> = {
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
  version: 'io.k8s.apimachinery.pkg.version',
  'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
};

/** kubernetes-types inlines IntOrString as `number | string`; upstream names it. */
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

export function upstreamPackage(module: string): string {
  const known = APIMACHINERY[module];
  if (known) return known;
  const [group, version] = module.split('/');
  if (!group || !version) throw new Error(`unknown kubernetes-types module ${module}`);
  return `io.k8s.api.${group}.${version}`;
}

export function upstreamName(module: string, name: string): string {
  return `${upstreamPackage(module)}.${name}`;
}

/** `apps/v1` -> { group: 'apps', version: 'v1' }; `v1` -> the core group. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
