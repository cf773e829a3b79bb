/**
 * Authorization attributes of a kubelet API request (pkg/kubelet/server/auth.go
 * GetRequestAttributes with KubeletFineGrainedAuthz): resource nodes, verb from the HTTP method,
 * subresource from the path. Some paths try a specific subresource before falling back to proxy.
 */

const METHOD_VERBS: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

export function requestVerb(method: string): string {
  return METHOD_VERBS[method.toUpperCase()] ?? '';
}

function isSubpath(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

const FINE_GRAINED: [string, string][] = [
  ['/pods', 'pods'],
  ['/healthz', 'healthz'],
  ['/configz', 'configz'],
  ['/statusz', 'statusz'],
  ['/runningpods', 'pods'],
];

const SPECIFIC: [string, string][] = [
  ['/stats', 'stats'],
  ['/metrics', 'metrics'],
  ['/logs', 'log'],
  ['/checkpoint', 'checkpoint'],
];

/** The subresources to try, in order; the request is allowed if any of them is. */
export function requestSubresources(path: string): string[] {
  const out: string[] = [];
  const fine = FINE_GRAINED.find(([base]) => isSubpath(path, base));
  if (fine) out.push(fine[1]);
  const specific = SPECIFIC.find(([base]) => isSubpath(path, base));
  out.push(specific ? specific[1] : 'proxy');
  return out;
}
