/**
 * The merger's per-pod decisions (config.go podsDifferSemantically, checkAndUpdatePod): what a
 * new snapshot of a known pod (same UID) means.
 */
import { deepEqual, type Pod } from '@kubelab/api';
import {
  CONFIG_FIRST_SEEN_ANNOTATION,
  CONFIG_MIRROR_ANNOTATION,
  CONFIG_SOURCE_ANNOTATION,
} from './pod-update.js';

/** Annotations the kubelet itself adds; they never make two pods differ. */
export const LOCAL_ANNOTATIONS: readonly string[] = [
  CONFIG_SOURCE_ANNOTATION,
  CONFIG_MIRROR_ANNOTATION,
  CONFIG_FIRST_SEEN_ANNOTATION,
];

const isLocal = (k: string): boolean => LOCAL_ANNOTATIONS.includes(k);

/** isAnnotationMapEqual: equal apart from the local annotations. */
export function annotationsEqual(
  existing: Record<string, string> | undefined,
  candidate: Record<string, string> | undefined,
): boolean {
  const e = existing ?? {};
  const c = candidate ?? {};
  for (const [k, v] of Object.entries(c)) if (!isLocal(k) && e[k] !== v) return false;
  for (const k of Object.keys(e)) if (!isLocal(k) && !(k in c)) return false;
  return true;
}

/** Spec, labels, deletion timestamp and grace period, and non-local annotations. */
export function podsDifferSemantically(existing: Pod, ref: Pod): boolean {
  const a = existing.metadata ?? {};
  const b = ref.metadata ?? {};
  return !(
    deepEqual(existing.spec, ref.spec) &&
    deepEqual(a.labels, b.labels) &&
    deepEqual(a.deletionTimestamp, b.deletionTimestamp) &&
    deepEqual(a.deletionGracePeriodSeconds, b.deletionGracePeriodSeconds) &&
    annotationsEqual(a.annotations, b.annotations)
  );
}

export type PodChange = 'update' | 'reconcile' | 'delete' | 'none';

/**
 * checkAndUpdatePod: folds `ref` into `existing` (which keeps its identity and first-seen time)
 * and says what happened: a semantic change is an UPDATE, or a DELETE when it sets the deletion
 * timestamp; a status-only change is a RECONCILE.
 */
export function checkAndUpdatePod(existing: Pod, ref: Pod): PodChange {
  if (!podsDifferSemantically(existing, ref)) {
    if (deepEqual(existing.status, ref.status)) return 'none';
    existing.status = ref.status;
    return 'reconcile';
  }
  const refMeta = (ref.metadata ??= {});
  const meta = (existing.metadata ??= {});
  const seen = meta.annotations?.[CONFIG_FIRST_SEEN_ANNOTATION];
  if (seen !== undefined)
    refMeta.annotations = { ...refMeta.annotations, [CONFIG_FIRST_SEEN_ANNOTATION]: seen };
  existing.spec = ref.spec;
  setOrDelete(meta, 'labels', refMeta.labels);
  setOrDelete(meta, 'deletionTimestamp', refMeta.deletionTimestamp);
  setOrDelete(meta, 'deletionGracePeriodSeconds', refMeta.deletionGracePeriodSeconds);
  setOrDelete(meta, 'generation', refMeta.generation);
  existing.status = ref.status;
  // updateAnnotations: the new annotations plus the local ones the existing pod carries.
  const annotations: Record<string, string> = { ...refMeta.annotations };
  for (const k of LOCAL_ANNOTATIONS) {
    const v = meta.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  meta.annotations = annotations;
  return refMeta.deletionTimestamp ? 'delete' : 'update';
}

function setOrDelete<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}
