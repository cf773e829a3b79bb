/**
 * Labels on Docker containers, as dockershim wrote them (kuberuntime labels.go, dockershim
 * helpers): pod identity, container name (POD for a sandbox), container type, the sandbox ID,
 * CRI annotations copied as `annotation.<key>`, plus kubelab's cluster and node, so that a
 * restarted kubelet rebuilds every RuntimeSandbox and RuntimeContainer from `docker ps -a`.
 */
import type { ContainerConfig, PodRef, SandboxConfig } from '../container-runtime.js';

export const POD_NAME_LABEL = 'io.kubernetes.pod.name';
export const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const POD_UID_LABEL = 'io.kubernetes.pod.uid';
export const CONTAINER_NAME_LABEL = 'io.kubernetes.container.name';
export const CONTAINER_TYPE_LABEL = 'io.kubernetes.docker.type';
export const SANDBOX_ID_LABEL = 'io.kubernetes.sandbox.id';
export const CONTAINER_LOG_PATH_LABEL = 'io.kubernetes.container.logpath';
export const ANNOTATION_PREFIX = 'annotation.';
export const CONTAINER_HASH_LABEL = 'annotation.io.kubernetes.container.hash';
export const CONTAINER_RESTART_COUNT_LABEL = 'annotation.io.kubernetes.container.restartCount';
export const TERMINATION_GRACE_PERIOD_LABEL = 'annotation.io.kubernetes.pod.terminationGracePeriod';
export const TERMINATION_MESSAGE_PATH_LABEL = 'annotation.io.kubernetes.container.terminationMessagePath';
export const TERMINATION_MESSAGE_POLICY_LABEL = 'annotation.io.kubernetes.container.terminationMessagePolicy';
export const CONTAINER_PORTS_LABEL = 'annotation.io.kubernetes.container.ports';

export const CLUSTER_LABEL = 'io.kubelab.cluster';
export const NODE_LABEL = 'io.kubelab.node';
export const HOST_NETWORK_LABEL = 'io.kubelab.pod.hostNetwork';
export const SANDBOX_ATTEMPT_LABEL = 'io.kubelab.sandbox.attempt';
export const SANDBOX_LOG_DIRECTORY_LABEL = 'io.kubelab.pod.logDirectory';
export const CONTAINER_IMAGE_LABEL = 'io.kubelab.container.image';

export type ContainerType = 'podsandbox' | 'container';
export const SANDBOX_TYPE: ContainerType = 'podsandbox';
export const CONTAINER_TYPE: ContainerType = 'container';

export interface Owner {
  clusterName: string;
  nodeName: string;
}

function podLabels(pod: PodRef): Record<string, string> {
  return { [POD_NAME_LABEL]: pod.name, [POD_NAMESPACE_LABEL]: pod.namespace, [POD_UID_LABEL]: pod.uid };
}

/** Sandbox labels: the pod's own labels, its annotations as annotation.<key>, identity, kubelab keys. */
export function sandboxLabels(config: SandboxConfig, owner: Owner): Record<string, string> {
  const labels: Record<string, string> = { ...config.labels };
  for (const [k, v] of Object.entries(config.annotations)) labels[`${ANNOTATION_PREFIX}${k}`] = v;
  return {
    ...labels,
    ...podLabels(config.pod),
    [CONTAINER_NAME_LABEL]: 'POD',
    [CONTAINER_TYPE_LABEL]: SANDBOX_TYPE,
    [SANDBOX_ATTEMPT_LABEL]: String(config.attempt),
    [HOST_NETWORK_LABEL]: String(config.hostNetwork),
    [SANDBOX_LOG_DIRECTORY_LABEL]: config.logDirectory,
    [CLUSTER_LABEL]: owner.clusterName,
    [NODE_LABEL]: owner.nodeName,
  };
}

/** Container labels; config.labels (e.g. from containerAnnotationLabels) are kept as given. */
export function containerLabels(pod: PodRef, sandboxId: string, config: ContainerConfig, owner: Owner): Record<string, string> {
  return {
    ...config.labels,
    ...podLabels(pod),
    [CONTAINER_NAME_LABEL]: config.name,
    [CONTAINER_TYPE_LABEL]: CONTAINER_TYPE,
    [SANDBOX_ID_LABEL]: sandboxId,
    [CONTAINER_LOG_PATH_LABEL]: config.logPath,
    [CONTAINER_HASH_LABEL]: config.hash,
    [CONTAINER_RESTART_COUNT_LABEL]: String(config.attempt),
    [CONTAINER_IMAGE_LABEL]: config.image,
    [CLUSTER_LABEL]: owner.clusterName,
    [NODE_LABEL]: owner.nodeName,
  };
}

export interface ContainerAnnotations {
  terminationGracePeriodSeconds?: number;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  ports?: { name?: string; containerPort: number; protocol?: string; hostPort?: number }[];
}

/**
 * The CRI annotations the kubelet puts on each container (kuberuntime labels.go
 * newContainerAnnotations), as dockershim labels; the core passes them in ContainerConfig.labels.
 */
export function containerAnnotationLabels(a: ContainerAnnotations): Record<string, string> {
  const out: Record<string, string> = {};
  if (a.terminationGracePeriodSeconds !== undefined) out[TERMINATION_GRACE_PERIOD_LABEL] = String(a.terminationGracePeriodSeconds);
  if (a.terminationMessagePath !== undefined) out[TERMINATION_MESSAGE_PATH_LABEL] = a.terminationMessagePath;
  if (a.terminationMessagePolicy !== undefined) out[TERMINATION_MESSAGE_POLICY_LABEL] = a.terminationMessagePolicy;
  if (a.ports && a.ports.length > 0) out[CONTAINER_PORTS_LABEL] = JSON.stringify(a.ports);
  return out;
}

/** The pod a container belongs to, from its labels; undefined when a label is missing. */
export function podRefFromLabels(labels: Record<string, string>): PodRef | undefined {
  const name = labels[POD_NAME_LABEL];
  const namespace = labels[POD_NAMESPACE_LABEL];
  const uid = labels[POD_UID_LABEL];
  return name && namespace && uid ? { name, namespace, uid } : undefined;
}

/** Docker label filters selecting one node's containers of one type. */
export function ownerFilters(owner: Owner, type?: ContainerType): string[] {
  const filters = [`${CLUSTER_LABEL}=${owner.clusterName}`, `${NODE_LABEL}=${owner.nodeName}`];
  if (type) filters.push(`${CONTAINER_TYPE_LABEL}=${type}`);
  return filters;
}
