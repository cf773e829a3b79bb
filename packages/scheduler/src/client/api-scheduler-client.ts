/** SchedulerClient over the REST client: the DefaultBinder's Binding, PatchPodStatus and DeletePod. */
import { findResource, resourcePath, type Pod, type ResourceInfo } from '@kubelab/api';
import type { ResourceClient, RestClient } from '@kubelab/api/client';
import type { PodStatusPatch, SchedulerClient } from './scheduler-client.js';

export class ApiSchedulerClient implements SchedulerClient {
  private readonly pods: ResourceInfo;
  private readonly byNamespace = new Map<string, ResourceClient<Pod>>();

  constructor(private readonly rest: RestClient) {
    const pods = findResource('', 'v1', 'pods');
    if (!pods) throw new Error('pods are not in the resource table');
    this.pods = pods;
  }

  private client(ns: string): ResourceClient<Pod> {
    let c = this.byNamespace.get(ns);
    if (!c) {
      c = this.rest.resource<Pod>(this.pods, ns);
      this.byNamespace.set(ns, c);
    }
    return c;
  }

  async bind(pod: Pod, nodeName: string): Promise<void> {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    await this.rest.request({
      method: 'POST',
      path: resourcePath(this.pods, { namespace, name, subresource: 'binding' }),
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name, namespace, uid: pod.metadata?.uid },
        target: { kind: 'Node', name: nodeName },
      },
      context: { resource: 'pods', group: '', name },
    });
  }

  async patchPodStatus(pod: Pod, patch: PodStatusPatch): Promise<void> {
    await this.client(pod.metadata?.namespace ?? '').patch(
      pod.metadata?.name ?? '',
      'strategic',
      { metadata: { uid: pod.metadata?.uid }, status: patch },
      { subresource: 'status' },
    );
  }

  async deletePod(pod: Pod): Promise<void> {
    await this.client(pod.metadata?.namespace ?? '').delete(pod.metadata?.name ?? '');
  }
}
