/**
 * attemptToDeleteItem's decision (garbagecollector.go): given a dependent and what the API
 * says about each of its owners, keep it, drop dangling references, or delete it, and with
 * which propagation policy.
 */
import type { ObjectMeta, OwnerReference } from '@kubelab/api';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './dependency-graph.js';

export type OwnerState = 'solid' | 'dangling' | 'waitingForDependentsDeletion';

export type DeleteDecision =
  | { action: 'none' }
  | { action: 'removeOwnerReferences'; uids: string[] }
  /** Owners wait in the foreground and the item has dependents: delete it in the foreground too
   * (first making its references non-blocking when a dependent also waits, to avoid a cycle). */
  | { action: 'deleteForeground'; unblock: boolean }
  | { action: 'delete'; policy: 'Orphan' | 'Foreground' | 'Background' };

/** The state of an owner as read from the API (undefined: not found). */
export function ownerState(
  ref: OwnerReference,
  owner: { metadata?: ObjectMeta } | undefined,
): OwnerState {
  if (!owner || owner.metadata?.uid !== ref.uid) return 'dangling';
  const m = owner.metadata;
  if (m.deletionTimestamp && (m.finalizers ?? []).includes(FINALIZER_FOREGROUND))
    return 'waitingForDependentsDeletion';
  return 'solid';
}

export function decideDeletion(
  dependent: { metadata?: ObjectMeta },
  owners: { ref: OwnerReference; state: OwnerState }[],
  dependents: { count: number; anyDeletingDependents: boolean },
): DeleteDecision {
  const solid = owners.filter((o) => o.state === 'solid');
  const dangling = owners.filter((o) => o.state === 'dangling');
  const waiting = owners.filter((o) => o.state === 'waitingForDependentsDeletion');
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return { action: 'none' };
    return {
      action: 'removeOwnerReferences',
      uids: [...dangling, ...waiting].map((o) => o.ref.uid),
    };
  }
  if (waiting.length > 0 && dependents.count > 0) {
    return { action: 'deleteForeground', unblock: dependents.anyDeletingDependents };
  }
  const finalizers = dependent.metadata?.finalizers ?? [];
  if (finalizers.includes(FINALIZER_ORPHAN)) return { action: 'delete', policy: 'Orphan' };
  if (finalizers.includes(FINALIZER_FOREGROUND)) return { action: 'delete', policy: 'Foreground' };
  return { action: 'delete', policy: 'Background' };
}
