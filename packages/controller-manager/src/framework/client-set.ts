/**
 * What the controllers need of the API server: a typed client per resource (client-go's
 * clientset and dynamic client) plus the one subresource that is neither status nor scale,
 * namespaces/<name>/finalize.
 */
import { resourcePath, type Namespace, type ResourceInfo } from '@kubelab/api';
import type { KubeObject, ResourceClient, RestClient } from '@kubelab/api/client';
import { NAMESPACES } from './resources.js';

export interface ClientSet {
  /** A client for one namespace, or for all namespaces (and cluster-scoped resources). */
  resource<T extends KubeObject>(info: ResourceInfo, namespace?: string): ResourceClient<T>;
  /** PUT /api/v1/namespaces/<name>/finalize with the namespace's new spec.finalizers. */
  finalizeNamespace(ns: Namespace): Promise<Namespace>;
}

export function restClientSet(rest: RestClient): ClientSet {
  return {
    resource: <T extends KubeObject>(info: ResourceInfo, namespace?: string) =>
      rest.resource<T>(info, namespace),
    finalizeNamespace: (ns) =>
      rest.request<Namespace>({
        method: 'PUT',
        path: resourcePath(NAMESPACES, { name: ns.metadata?.name ?? '', subresource: 'finalize' }),
        body: ns,
        context: { resource: 'namespaces', name: ns.metadata?.name ?? '' },
      }),
  };
}
