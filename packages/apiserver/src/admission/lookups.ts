/** What admission plugins read from the cluster: the subset of the registry they need. */
import type { ApiObject } from '@kubelab/api';

export interface ObjectLookup {
  getNamespace(name: string): ApiObject | undefined;
  getNode(name: string): ApiObject | undefined;
  getPod(namespace: string, name: string): ApiObject | undefined;
  getServiceAccount(namespace: string, name: string): ApiObject | undefined;
}
