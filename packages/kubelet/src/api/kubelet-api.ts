/**
 * Every call the kubelet makes to the API server, over the shared REST client, with the node's
 * own credentials. Consumers depend on the narrow interfaces they declare (PodWriter,
 * StatusWriter, NodeApi ...); this class implements them all.
 */
import type { ConfigMap, Lease, Node, NodeStatus, Pod, PodStatus, Secret } from '@kubelab/api';
import { ApiError, findResource } from '@kubelab/api';
import type { ResourceInfo } from '@kubelab/api';
import type { RestClient } from '@kubelab/api/client';

function res(group: string, plural: string): ResourceInfo {
  const info = findResource(group, 'v1', plural);
  if (!info) throw new Error(`unknown resource ${group}/${plural}`);
  return info;
}

const PODS = res('', 'pods');
const NODES = res('', 'nodes');
const LEASES = res('coordination.k8s.io', 'leases');
const EVENTS = res('', 'events');
const CONFIGMAPS = res('', 'configmaps');
const SECRETS = res('', 'secrets');

export class KubeletApi {
  constructor(readonly client: RestClient) {}

  createPod(namespace: string, pod: Pod): Promise<Pod> {
    return this.client.resource<Pod>(PODS, namespace).create(pod);
  }

  getPod(namespace: string, name: string): Promise<Pod> {
    return this.client.resource<Pod>(PODS, namespace).get(name);
  }

  async deletePod(namespace: string, name: string, opts: { gracePeriodSeconds: number; uid?: string }): Promise<void> {
    await this.client.resource<Pod>(PODS, namespace).delete(name, {
      gracePeriodSeconds: opts.gracePeriodSeconds,
      preconditions: opts.uid ? { uid: opts.uid } : undefined,
    });
  }

  async patchPodStatus(namespace: string, name: string, uid: string, status: PodStatus): Promise<void> {
    await this.client.resource<Pod>(PODS, namespace).patch(name, 'merge', { metadata: { uid }, status }, { subresource: 'status' });
  }

  createNode(node: Node): Promise<Node> {
    return this.client.resource<Node>(NODES).create(node);
  }

  getNode(name: string): Promise<Node> {
    return this.client.resource<Node>(NODES).get(name);
  }

  patchNode(name: string, patch: object): Promise<Node> {
    return this.client.resource<Node>(NODES).patch(name, 'merge', patch);
  }

  patchNodeStatus(name: string, status: NodeStatus): Promise<Node> {
    return this.client.resource<Node>(NODES).patch(name, 'merge', { status }, { subresource: 'status' });
  }

  getLease(namespace: string, name: string): Promise<Lease> {
    return this.client.resource<Lease>(LEASES, namespace).get(name);
  }

  createLease(namespace: string, lease: Lease): Promise<Lease> {
    return this.client.resource<Lease>(LEASES, namespace).create(lease);
  }

  updateLease(namespace: string, lease: Lease): Promise<Lease> {
    return this.client.resource<Lease>(LEASES, namespace).update(lease);
  }

  createEvent(namespace: string, event: object): Promise<unknown> {
    return this.client.resource(EVENTS, namespace).create(event as never);
  }

  patchEvent(namespace: string, name: string, patch: object): Promise<unknown> {
    return this.client.resource(EVENTS, namespace).patch(name, 'merge', patch);
  }

  async getConfigMap(namespace: string, name: string): Promise<ConfigMap | undefined> {
    try {
      return await this.client.resource<ConfigMap>(CONFIGMAPS, namespace).get(name);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return undefined;
      throw err;
    }
  }

  async getSecret(namespace: string, name: string): Promise<Secret | undefined> {
    try {
      return await this.client.resource<Secret>(SECRETS, namespace).get(name);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return undefined;
      throw err;
    }
  }

  /** TokenReview: who a bearer token presented to the kubelet's server belongs to. */
  async reviewToken(token: string): Promise<{ user: string; groups: string[] } | undefined> {
    const info = findResource('authentication.k8s.io', 'v1', 'tokenreviews') as ResourceInfo;
    const r = await this.client.resource(info).create({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } } as never);
    const status = (r as { status?: { authenticated?: boolean; user?: { username?: string; groups?: string[] } } }).status;
    return status?.authenticated ? { user: status.user?.username ?? '', groups: status.user?.groups ?? [] } : undefined;
  }

  /** SubjectAccessReview: may this user do this to this node's API (nodes/proxy, nodes/log ...). */
  async reviewAccess(user: string, groups: string[], verb: string, subresource: string, nodeName: string): Promise<boolean> {
    const info = findResource('authorization.k8s.io', 'v1', 'subjectaccessreviews') as ResourceInfo;
    const r = await this.client.resource(info).create({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user, groups, resourceAttributes: { verb, resource: 'nodes', subresource, name: nodeName } },
    } as never);
    return (r as { status?: { allowed?: boolean } }).status?.allowed === true;
  }
}
