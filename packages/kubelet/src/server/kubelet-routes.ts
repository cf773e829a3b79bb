/** The kubelet API paths kubelab serves (pkg/kubelet/server/server.go routes). */

export type KubeletRoute =
  | { kind: 'healthz'; check?: string }
  | { kind: 'pods' }
  | { kind: 'containerLogs'; namespace: string; pod: string; container: string }
  | { kind: 'exec' | 'attach'; namespace: string; pod: string; podUid?: string; container: string }
  | { kind: 'portForward'; namespace: string; pod: string; podUid?: string }
  | { kind: 'notFound' }
  | { kind: 'methodNotAllowed' };

function segments(path: string): string[] | undefined {
  try {
    return path.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export function matchKubeletRoute(method: string, path: string): KubeletRoute {
  const parts = segments(path);
  if (!parts) return { kind: 'notFound' };
  const [root, ...rest] = parts;
  const get = method === 'GET' || method === 'HEAD';
  switch (root) {
    case 'healthz': {
      const check = rest[0] ?? '';
      if (rest.length > 1) return { kind: 'notFound' };
      return check === '' ? { kind: 'healthz' } : { kind: 'healthz', check };
    }
    case 'pods':
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== '')) return { kind: 'notFound' };
      return get ? { kind: 'pods' } : { kind: 'methodNotAllowed' };
    case 'containerLogs': {
      if (rest.length !== 3 || rest.some((s) => s === '')) return { kind: 'notFound' };
      if (!get) return { kind: 'methodNotAllowed' };
      const [namespace, pod, container] = rest as [string, string, string];
      return { kind: 'containerLogs', namespace, pod, container };
    }
    case 'exec':
    case 'attach': {
      if ((rest.length !== 3 && rest.length !== 4) || rest.some((s) => s === '')) return { kind: 'notFound' };
      if (method !== 'GET' && method !== 'POST') return { kind: 'methodNotAllowed' };
      if (rest.length === 3) {
        const [namespace, pod, container] = rest as [string, string, string];
        return { kind: root, namespace, pod, container };
      }
      const [namespace, pod, podUid, container] = rest as [string, string, string, string];
      return { kind: root, namespace, pod, podUid, container };
    }
    case 'portForward': {
      if ((rest.length !== 2 && rest.length !== 3) || rest.some((s) => s === '')) return { kind: 'notFound' };
      if (method !== 'GET' && method !== 'POST') return { kind: 'methodNotAllowed' };
      const [namespace, pod, podUid] = rest as [string, string, string | undefined];
      return podUid === undefined ? { kind: 'portForward', namespace, pod } : { kind: 'portForward', namespace, pod, podUid };
    }
    default:
      return { kind: 'notFound' };
  }
}
