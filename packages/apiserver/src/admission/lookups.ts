/** What admission plugins read from the cluster: the subset of the registry they need. */
import type { ApiObject } from '@kubelab/api';

export interface ObjectLookup {
  getNamespace(name: string): ApiObject | undefined;
  /** The namespace's status.phase ('' when unset), or undefined when it does not exist. Cheap:
   * read from the watch cache's selectable fields, without parsing the object. */
  namespacePhase(name: string): string | undefined;
  getNode(name: string): ApiObject | undefined;
  getPod(namespace: string, name: string): ApiObject | undefined;
  getServiceAccount(namespace: string, name: string): ApiObject | undefined;
}
