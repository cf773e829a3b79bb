/**
 * Owner references as controllers use them (metav1.GetControllerOf, NewControllerRef).
 */
import {
  groupVersion,
  type ObjectMeta,
  type OwnerReference,
  type ResourceInfo,
} from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';

export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** controller: true and blockOwnerDeletion: true, as every workload controller sets them. */
export function newControllerRef(
  owner: { metadata?: ObjectMeta },
  info: ResourceInfo,
): OwnerReference {
  return {
    apiVersion: groupVersion(info),
    kind: info.kind,
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when the controller reference names this kind (any version of its group). */
export function refersTo(ref: OwnerReference, info: ResourceInfo): boolean {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return ref.kind === info.kind && group === info.group;
}

export function namespacedKey(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? '';
  return ns ? `${ns}/${name}` : name;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0
    ? { namespace: '', name: key }
    : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
