/**
 * pods/log, exec, attach and portforward: validate the pod and container
 * (pkg/registry/core/pod/strategy.go LogLocation / ExecLocation / AttachLocation /
 * PortForwardLocation), then stream from the kubelet of the pod's node.
 */
import type { Node, Pod } from '@kubelab/api';
import { badRequest, isApiError, ApiError } from '@kubelab/api';
import type { Registry } from '../registry/registry.js';

export interface ContainerTarget {
  pod: Pod;
  container: string;
  node: Node | undefined;
}

function containerNames(pod: Pod): { all: string[]; regular: string[] } {
  const regular = (pod.spec?.containers ?? []).map((c) => c.name);
  const init = (pod.spec?.initContainers ?? []).map((c) => c.name);
  const eph = (pod.spec?.ephemeralContainers ?? []).map((c) => c.name);
  return { all: [...regular, ...init, ...eph], regular };
}

/** Which container a log/exec request means, with upstream errors. */
export function resolveContainer(pod: Pod, requested: string | null): string {
  const name = pod.metadata?.name ?? '';
  const { all, regular } = containerNames(pod);
  if (!requested) {
    const def = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    if (def && all.includes(def)) return def;
    if (regular.length === 1) return regular[0] as string;
    const init = (pod.spec?.initContainers ?? []).map((c) => c.name);
    const list = `[${regular.join(' ')}]`;
    const initPart = init.length ? ` or one of the init containers: [${init.join(' ')}]` : '';
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: ${list}${initPart}`);
  }
  if (!all.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

export interface PodTarget {
  pod: Pod;
  node: Node | undefined;
}

/** The pod and the node it is bound to (none yet: undefined). */
export function findPodTarget(registry: Registry, ns: string, podName: string): PodTarget {
  const pods = registry.mustStore('', 'pods');
  const pod = pods.getObject(ns, podName) as Pod;
  const nodeName = pod.spec?.nodeName;
  let node: Node | undefined;
  if (nodeName) {
    const nodes = registry.mustStore('', 'nodes');
    try {
      node = nodes.getObject(undefined, nodeName) as Node;
    } catch (err) {
      if (isApiError(err) && err.reason === 'NotFound') {
        throw badRequest(`nodes "${nodeName}" not found`);
      }
      throw err;
    }
  }
  return { pod, node };
}

export function findTarget(registry: Registry, ns: string, podName: string, container: string | null): ContainerTarget {
  const { pod, node } = findPodTarget(registry, ns, podName);
  return { pod, container: resolveContainer(pod, container), node };
}

const LOG_PARAMS = ['follow', 'previous', 'sinceSeconds', 'sinceTime', 'timestamps', 'tailLines', 'limitBytes', 'insecureSkipTLSVerifyBackend'];

export function kubeletLogPath(t: ContainerTarget, q: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const p of LOG_PARAMS) {
    const v = q.get(p);
    if (v !== null && p !== 'insecureSkipTLSVerifyBackend') out.set(p, v);
  }
  const ns = encodeURIComponent(t.pod.metadata?.namespace ?? '');
  const name = encodeURIComponent(t.pod.metadata?.name ?? '');
  const qs = out.toString();
  return `/containerLogs/${ns}/${name}/${encodeURIComponent(t.container)}${qs ? `?${qs}` : ''}`;
}

/** The kubelet's exec URL uses remotecommand's parameter names (input, output, error, tty). */
export function kubeletExecPath(kind: 'exec' | 'attach', t: ContainerTarget, q: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const c of q.getAll('command')) out.append('command', c);
  const map: Record<string, string> = { stdin: 'input', stdout: 'output', stderr: 'error', tty: 'tty' };
  for (const [k, v] of Object.entries(map)) {
    const val = q.get(k);
    if (val === 'true' || val === '1') out.set(v, '1');
  }
  if (kind === 'exec' && out.getAll('command').length === 0) {
    throw new ApiError('BadRequest', 'you must specify at least 1 command');
  }
  const ns = encodeURIComponent(t.pod.metadata?.namespace ?? '');
  const name = encodeURIComponent(t.pod.metadata?.name ?? '');
  return `/${kind}/${ns}/${name}/${encodeURIComponent(t.container)}?${out.toString()}`;
}

/**
 * The kubelet's port-forward URL (PortForwardLocation): the PodPortForwardOptions ports as one
 * comma-separated "port" parameter, which only the plain WebSocket protocol uses.
 */
export function kubeletPortForwardPath(pod: Pod, q: URLSearchParams): string {
  const ports = q.getAll('ports').flatMap((p) => p.split(',')).filter((p) => p !== '');
  const ns = encodeURIComponent(pod.metadata?.namespace ?? '');
  const name = encodeURIComponent(pod.metadata?.name ?? '');
  return `/portForward/${ns}/${name}${ports.length ? `?${new URLSearchParams({ port: ports.join(',') }).toString()}` : ''}`;
}
