/** etcd-style registry keys: /registry/pods/<namespace>/<name>, /registry/nodes/<name>. */
import type { ResourceInfo } from '@kubelab/api';
import { registryPrefix } from '@kubelab/api';

export function objectKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  const root = registryPrefix(info);
  return info.namespaced ? `${root}/${namespace ?? ''}/${name}` : `${root}/${name}`;
}

/** The prefix of every key in a namespace (or of all keys: namespace undefined). */
export function collectionPrefix(info: ResourceInfo, namespace: string | undefined): string {
  const root = registryPrefix(info);
  return info.namespaced && namespace ? `${root}/${namespace}/` : `${root}/`;
}
