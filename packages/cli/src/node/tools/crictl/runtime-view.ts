/**
 * One node's containers and pod sandboxes as the CRI lists them, read from Docker by the
 * labels io.kubelab.cluster and io.kubelab.node (the node's runtime is the host's Docker
 * engine, shared by every node; the labels say whose a container is).
 */
import type Dockerode from 'dockerode';
import {
  CONTAINER_IMAGE_LABEL,
  CONTAINER_LOG_PATH_LABEL,
  CONTAINER_NAME_LABEL,
  CONTAINER_RESTART_COUNT_LABEL,
  CONTAINER_TYPE_LABEL,
  criLabels,
  POD_NAME_LABEL,
  POD_NAMESPACE_LABEL,
  POD_UID_LABEL,
  SANDBOX_ATTEMPT_LABEL,
  SANDBOX_ID_LABEL,
} from './runtime-labels.js';

export const CLUSTER_LABEL = 'io.kubelab.cluster';
export const NODE_LABEL = 'io.kubelab.node';

export type CriContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';
export type CriSandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';

export interface NodeOwner {
  cluster: string;
  node: string;
}

export interface CriContainer {
  id: string;
  podSandboxId: string;
  name: string;
  attempt: number;
  /** Image ID (sha256:…), as the kubelet passes it to the runtime. */
  image: string;
  /** The image as the pod spec names it. */
  imageSpec: string;
  state: CriContainerState;
  createdAt: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Host path of the CRI log file. */
  logPath: string;
}

export interface CriSandbox {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  state: CriSandboxState;
  createdAt: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** dockershim's toRuntimeAPIContainerState. */
export function containerState(dockerState: string): CriContainerState {
  switch (dockerState) {
    case 'running':
      return 'CONTAINER_RUNNING';
    case 'exited':
    case 'dead':
      return 'CONTAINER_EXITED';
    case 'created':
      return 'CONTAINER_CREATED';
    default:
      return 'CONTAINER_UNKNOWN';
  }
}

export function toCriContainer(info: Dockerode.ContainerInfo): CriContainer {
  const l = info.Labels ?? {};
  const { labels, annotations } = criLabels(l);
  return {
    id: info.Id,
    podSandboxId: l[SANDBOX_ID_LABEL] ?? '',
    name: l[CONTAINER_NAME_LABEL] ?? '',
    attempt: Number(l[CONTAINER_RESTART_COUNT_LABEL] ?? 0),
    image: info.ImageID,
    imageSpec: l[CONTAINER_IMAGE_LABEL] ?? info.Image,
    state: containerState(info.State),
    createdAt: info.Created * 1000,
    labels,
    annotations,
    logPath: l[CONTAINER_LOG_PATH_LABEL] ?? '',
  };
}

export function toCriSandbox(info: Dockerode.ContainerInfo): CriSandbox {
  const l = info.Labels ?? {};
  const { labels, annotations } = criLabels(l);
  delete labels[CONTAINER_NAME_LABEL];
  return {
    id: info.Id,
    name: l[POD_NAME_LABEL] ?? '',
    namespace: l[POD_NAMESPACE_LABEL] ?? '',
    uid: l[POD_UID_LABEL] ?? '',
    attempt: Number(l[SANDBOX_ATTEMPT_LABEL] ?? 0),
    state: info.State === 'running' ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY',
    createdAt: info.Created * 1000,
    labels,
    annotations,
  };
}

/** Newest first, as crictl sorts. */
const byCreatedDesc = <T extends { createdAt: number }>(a: T, b: T): number => b.createdAt - a.createdAt;

export class NodeRuntimeView {
  constructor(
    private readonly docker: Dockerode,
    readonly owner: NodeOwner,
  ) {}

  private async list(type: 'container' | 'podsandbox'): Promise<Dockerode.ContainerInfo[]> {
    return this.docker.listContainers({
      all: true,
      filters: { label: [`${CLUSTER_LABEL}=${this.owner.cluster}`, `${NODE_LABEL}=${this.owner.node}`, `${CONTAINER_TYPE_LABEL}=${type}`] },
    });
  }

  async containers(): Promise<CriContainer[]> {
    return (await this.list('container')).map(toCriContainer).sort(byCreatedDesc);
  }

  async sandboxes(): Promise<CriSandbox[]> {
    return (await this.list('podsandbox')).map(toCriSandbox).sort(byCreatedDesc);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/**
 * The one item whose ID starts with `prefix` (containerd resolves ID prefixes this way);
 * the error reads as containerd's over CRI.
 */
export function resolveByPrefix<T extends { id: string }>(items: T[], prefix: string, kind: 'container' | 'sandbox'): T {
  const exact = items.find((i) => i.id === prefix);
  if (exact) return exact;
  const matches = prefix ? items.filter((i) => i.id.startsWith(prefix)) : [];
  if (matches.length === 1 && matches[0]) return matches[0];
  const why = matches.length > 1 ? `ambiguous ID "${prefix}"` : 'not found';
  throw new NotFoundError(`rpc error: code = NotFound desc = an error occurred when try to find ${kind} "${prefix}": ${why}`);
}
