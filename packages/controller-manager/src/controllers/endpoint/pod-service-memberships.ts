/**
 * Which Services a pod belongs to (endpointutil GetPodServiceMemberships), and the pod handlers
 * both the Endpoints and the EndpointSlice controllers register: a pod added, changed or deleted
 * requeues every Service in its namespace whose selector matches it, before and after a label
 * change.
 */
import { labelSelectorFromMeta, type Pod, type Service } from '@kubelab/api';
import type { Informer, WorkQueue } from '@kubelab/api/informer';
import { namespacedKey } from '../../framework/controller-ref.js';
import { sameJson } from '../../util/same-json.js';

export function podServiceMemberships(services: Informer<Service>, pod: Pod): string[] {
  const keys: string[] = [];
  for (const svc of services.cache.list(pod.metadata?.namespace ?? '')) {
    const selector = svc.spec?.selector;
    if (
      selector &&
      labelSelectorFromMeta({ matchLabels: selector }).matches(pod.metadata?.labels)
    ) {
      keys.push(namespacedKey(svc));
    }
  }
  return keys;
}

export function enqueueServicesOfPods(
  pods: Informer<Pod>,
  services: Informer<Service>,
  queue: WorkQueue<string>,
): void {
  const enqueue = (pod: Pod): void => {
    for (const key of podServiceMemberships(services, pod)) queue.add(key);
  };
  pods.on('add', enqueue);
  pods.on('update', (pod, old) => {
    // Resyncs deliver the same version: nothing changed.
    if (pod.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    enqueue(pod);
    if (!sameJson(pod.metadata?.labels, old.metadata?.labels)) enqueue(old);
  });
  pods.on('delete', enqueue);
}

/**
 * The pods a Service selects, or undefined for a Service the endpoint controllers leave alone:
 * ExternalName services and services without a selector (their endpoints are made by hand).
 */
export function podsOfService(pods: Informer<Pod>, service: Service): Pod[] | undefined {
  if (service.spec?.type === 'ExternalName' || !service.spec?.selector) return undefined;
  const selector = labelSelectorFromMeta({ matchLabels: service.spec.selector });
  return pods.cache
    .list(service.metadata?.namespace ?? '')
    .filter((p) => selector.matches(p.metadata?.labels));
}
