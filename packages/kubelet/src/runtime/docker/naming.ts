/**
 * Docker container names as dockershim wrote them (pkg/kubelet/dockershim/naming.go):
 *   sandbox:   k8s_POD_<pod>_<namespace>_<uid>_<attempt>
 *   container: k8s_<container>_<pod>_<namespace>_<uid>_<attempt>
 * A random `_<8 hex>` suffix is added when Docker reports a name conflict; parsing accepts it.
 */
import { randomBytes } from 'node:crypto';
import type { PodRef } from '../container-runtime.js';

export const KUBE_PREFIX = 'k8s';
export const SANDBOX_CONTAINER_NAME = 'POD';
const DELIMITER = '_';

export function makeSandboxName(pod: PodRef, attempt: number): string {
  return makeContainerName(pod, SANDBOX_CONTAINER_NAME, attempt);
}

export function makeContainerName(pod: PodRef, containerName: string, attempt: number): string {
  return [KUBE_PREFIX, containerName, pod.name, pod.namespace, pod.uid, String(attempt)].join(DELIMITER);
}

/** The name with a random suffix, used after a name conflict. */
export function withRandomSuffix(name: string): string {
  return `${name}${DELIMITER}${randomBytes(4).toString('hex')}`;
}

export interface ParsedName {
  containerName: string;
  pod: PodRef;
  attempt: number;
}

/** Parses a Docker name (with or without its leading '/'); undefined when it is not a kubelet name. */
export function parseContainerName(name: string): ParsedName | undefined {
  const parts = name.replace(/^\//, '').split(DELIMITER);
  if (parts[0] !== KUBE_PREFIX || (parts.length !== 6 && parts.length !== 7)) return undefined;
  const [, containerName, podName, namespace, uid, attemptText] = parts;
  if (!containerName || !podName || !namespace || !uid || !attemptText || !/^\d+$/.test(attemptText)) return undefined;
  return { containerName, pod: { name: podName, namespace, uid }, attempt: Number(attemptText) };
}
