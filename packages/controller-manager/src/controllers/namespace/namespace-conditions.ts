/**
 * The five deletion conditions of a terminating namespace (pkg/controller/namespace/deletion
 * status_condition_utils.go), with the upstream reasons and messages.
 */
import { rfc3339, type Namespace } from '@kubelab/api';

type NamespaceCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof CONDITION_TYPES)[number], [string, string]> = {
  NamespaceDeletionDiscoveryFailure: [
    'ResourcesDiscovered',
    'All resources successfully discovered',
  ],
  NamespaceDeletionGroupVersionParsingFailure: [
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  NamespaceDeletionContentFailure: [
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: [
    'ContentHasNoFinalizers',
    'All content-preserving finalizers finished',
  ],
};

export interface DeletionTotals {
  /** `pods.` / `deployments.apps` -> instances left. */
  remaining: Map<string, number>;
  /** finalizer -> instances carrying it. */
  finalizers: Map<string, number>;
  errors: string[];
}

/** The failing conditions this pass produced (the rest are reported as their ok variant). */
export function failureConditions(t: DeletionTotals, nowMs: number): NamespaceCondition[] {
  const now = rfc3339(nowMs);
  const out: NamespaceCondition[] = [];
  if (t.errors.length > 0) {
    const msgs = [...new Set(t.errors)].sort();
    out.push({
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      lastTransitionTime: now,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${t.errors.length} remaining: ${msgs.join(', ')}`,
    });
  }
  const remaining = [...t.remaining]
    .filter(([, n]) => n > 0)
    .map(([gr, n]) => `${gr} has ${n} resource instances`)
    .sort();
  if (remaining.length > 0) {
    out.push({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${remaining.join(', ')}`,
    });
  }
  const finalizers = [...t.finalizers]
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} in ${n} resource instances`)
    .sort();
  if (finalizers.length > 0) {
    out.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    });
  }
  return out;
}

/** updateConditions: every type present; transition time moves only with the status. */
export function updateConditions(
  ns: Namespace,
  failures: NamespaceCondition[],
  nowMs: number,
): boolean {
  const status = (ns.status ??= {});
  const conditions = (status.conditions ??= []);
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const next = failures.find((c) => c.type === type) ?? {
      type,
      status: 'False',
      lastTransitionTime: rfc3339(nowMs),
      reason: OK[type][0],
      message: OK[type][1],
    };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push(next);
      changed = true;
    } else if (
      old.status !== next.status ||
      old.message !== next.message ||
      old.reason !== next.reason
    ) {
      if (old.status !== next.status) old.lastTransitionTime = rfc3339(nowMs);
      old.status = next.status;
      if (next.reason !== undefined) old.reason = next.reason;
      if (next.message !== undefined) old.message = next.message;
      changed = true;
    }
  }
  return changed;
}
