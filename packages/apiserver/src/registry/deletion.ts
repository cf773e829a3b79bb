/**
 * Pure decisions of deletion (registry/generic/registry/store.go Delete, rest.BeforeDelete):
 * whether to delete now or mark the object with a deletionTimestamp, and which finalizers the
 * propagation policy adds.
 */
import type { ApiObject, DeleteOptions } from '@kubelab/api';
import { rfc3339 } from '@kubelab/api';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export type DeletionPlan =
  | { kind: 'delete-now' }
  | { kind: 'mark'; object: ApiObject }
  /** Already being deleted and nothing shortens it: answer with the object as it is. */
  | { kind: 'unchanged' };

/** Finalizers after applying the propagation policy (and legacy orphanDependents). */
export function finalizersForPolicy(current: string[], options: DeleteOptions): string[] {
  const policy =
    options.propagationPolicy ??
    (options.orphanDependents === true ? 'Orphan' : options.orphanDependents === false ? 'Background' : undefined);
  let out = [...current];
  if (policy === 'Orphan') {
    if (!out.includes(FINALIZER_ORPHAN)) out.push(FINALIZER_ORPHAN);
    out = out.filter((f) => f !== FINALIZER_FOREGROUND);
  } else if (policy === 'Foreground') {
    if (!out.includes(FINALIZER_FOREGROUND)) out.push(FINALIZER_FOREGROUND);
    out = out.filter((f) => f !== FINALIZER_ORPHAN);
  } else if (policy === 'Background') {
    out = out.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  }
  return out;
}

/**
 * @param grace the graceful period the strategy asks for (undefined: not graceful)
 */
export function planDeletion(
  current: ApiObject,
  options: DeleteOptions,
  grace: number | undefined,
  nowMs: number,
  deferred = false,
): DeletionPlan {
  const meta = current.metadata ?? {};
  const finalizers = finalizersForPolicy(meta.finalizers ?? [], options);
  const graceful = grace !== undefined && grace > 0;
  if (finalizers.length === 0 && !graceful && !deferred) return { kind: 'delete-now' };

  const next: ApiObject = { ...current, metadata: { ...meta } };
  const m = next.metadata as NonNullable<ApiObject['metadata']>;
  if (finalizers.length > 0) m.finalizers = finalizers;
  else delete m.finalizers;
  const period = graceful ? grace : 0;

  if (meta.deletionTimestamp) {
    // Already terminating: only a shorter grace period changes anything.
    const currentPeriod = meta.deletionGracePeriodSeconds ?? 0;
    const finalizersChanged = JSON.stringify(finalizers) !== JSON.stringify(meta.finalizers ?? []);
    if (period >= currentPeriod && !finalizersChanged) return { kind: 'unchanged' };
    if (period < currentPeriod) {
      m.deletionTimestamp = rfc3339(nowMs + period * 1000);
      m.deletionGracePeriodSeconds = period;
    }
    return { kind: 'mark', object: next };
  }
  m.deletionTimestamp = rfc3339(nowMs + period * 1000);
  m.deletionGracePeriodSeconds = period;
  return { kind: 'mark', object: next };
}

/** store.go shouldDeleteDuringUpdate: the last finalizer of an object being deleted is gone. */
export function shouldDeleteDuringUpdate(obj: ApiObject): boolean {
  const m = obj.metadata;
  return (
    !!m?.deletionTimestamp &&
    (m.finalizers?.length ?? 0) === 0 &&
    (m.deletionGracePeriodSeconds ?? 0) === 0
  );
}
