/**
 * What a request is about (k8s.io/apiserver/pkg/endpoints/request.RequestInfoFactory): API
 * group, version, namespace, resource, name, subresource and the verb, from the URL path and
 * the HTTP method.
 */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix: 'api' | 'apis' | '';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Path segments after the version (for errors and proxying). */
  parts: string[];
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
}

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiPrefix: '',
    group: '',
    version: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  let parts = splitPath(path);
  const prefix = parts[0];
  if (prefix !== 'api' && prefix !== 'apis') return info;
  info.apiPrefix = prefix;
  parts = parts.slice(1);
  if (prefix === 'apis') {
    if (parts.length < 2) return info;
    info.group = parts[0] ?? '';
    parts = parts.slice(1);
  }
  if (parts.length < 2) {
    if (parts.length === 1) info.version = parts[0] ?? '';
    return info;
  }
  info.version = parts[0] ?? '';
  parts = parts.slice(1);
  info.isResourceRequest = true;

  let watchPrefix = false;
  if (parts[0] === 'watch' || parts[0] === 'proxy') {
    watchPrefix = parts[0] === 'watch';
    if (!watchPrefix) info.verb = 'proxy';
    parts = parts.slice(1);
  }
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      info.namespace = parts[1] ?? '';
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? '')) parts = parts.slice(2);
    }
  }
  info.parts = parts;
  info.resource = parts[0] ?? '';
  if (parts.length >= 2) info.name = parts[1] ?? '';
  if (parts.length >= 3) info.subresource = parts[2] ?? '';

  if (info.verb !== 'proxy') {
    const m = method.toUpperCase();
    if (m === 'GET' || m === 'HEAD') {
      info.verb = info.name ? 'get' : 'list';
      if (watchPrefix || isTrue(query.get('watch'))) info.verb = 'watch';
    } else if (m === 'POST') info.verb = 'create';
    else if (m === 'PUT') info.verb = 'update';
    else if (m === 'PATCH') info.verb = 'patch';
    else if (m === 'DELETE') info.verb = info.name ? 'delete' : 'deletecollection';
    else info.verb = m.toLowerCase();
  }
  // A namespace is addressed as /api/v1/namespaces/{name}: its own name, not a parent.
  if (info.resource === 'namespaces') info.namespace = '';
  return info;
}

export function isTrue(v: string | null | undefined): boolean {
  return v === 'true' || v === '1';
}
