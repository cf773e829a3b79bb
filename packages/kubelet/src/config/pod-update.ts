/**
 * Pod updates from the pod sources (pkg/kubelet/types/pod_update.go): each source sends full
 * snapshots (SET); the pod config merger turns them into ADD/UPDATE/DELETE/REMOVE/RECONCILE.
 */
import type { Pod } from '@kubelab/api';

export type SourceName = 'file' | 'http' | 'api';
export const ALL_SOURCES: readonly SourceName[] = ['file', 'http', 'api'];

export type PodOperation = 'SET' | 'ADD' | 'UPDATE' | 'DELETE' | 'REMOVE' | 'RECONCILE';

export interface PodUpdate {
  op: PodOperation;
  source: SourceName;
  pods: Pod[];
}

export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
export const CONFIG_FIRST_SEEN_ANNOTATION = 'kubernetes.io/config.seen';
export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';

export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;
}

/** A pod from a file or an HTTP source (not from the API server). */
export function isStaticPod(pod: Pod): boolean {
  const src = pod.metadata?.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return src !== undefined && src !== 'api';
}

/** `name_namespace`: what joins a static pod and its mirror pod. */
export function podFullName(pod: Pod): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}`;
}

/** `name_namespace(uid)`, as the kubelet writes pods in logs and event messages. */
export function podDesc(pod: Pod): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;
}
