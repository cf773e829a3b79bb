/**
 * Cluster events that can make an unschedulable pod schedulable (framework.ClusterEvent), and
 * how a node update is classified (nodeSchedulingPropertiesChange). A plugin registers the
 * events it cares about; a pod it rejected is retried only on those.
 */
import type { Node, Pod } from '@kubelab/api';

export type EventResource = 'Node' | 'AssignedPod' | 'UnscheduledPod';

export type ActionType =
  | 'Add'
  | 'Delete'
  | 'UpdateNodeAllocatable'
  | 'UpdateNodeLabel'
  | 'UpdateNodeTaint'
  | 'UpdateNodeCondition'
  | 'UpdateNodeAnnotation'
  | 'UpdatePodLabel'
  | 'UpdatePodScaleDown'
  | 'UpdatePodTolerations'
  | 'Update';

export interface ClusterEvent {
  resource: EventResource;
  /** 'Update' matches every kind of update. */
  actions: readonly ActionType[];
}

/** Whether something that happened (one resource, one or more actions) is one a plugin registered. */
export function eventMatches(registered: ClusterEvent, happened: ClusterEvent): boolean {
  if (registered.resource !== happened.resource) return false;
  return happened.actions.some(
    (a) => registered.actions.includes(a) || (a.startsWith('Update') && registered.actions.includes('Update')),
  );
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const conditionStatuses = (n: Node): Record<string, string> =>
  Object.fromEntries((n.status?.conditions ?? []).map((c) => [c.type, c.status]));

/** The update actions a node change amounts to; empty when nothing the scheduler reads changed. */
export function nodeUpdateActions(oldNode: Node, newNode: Node): ActionType[] {
  const out: ActionType[] = [];
  if (!same(oldNode.status?.allocatable, newNode.status?.allocatable)) out.push('UpdateNodeAllocatable');
  if (!same(oldNode.metadata?.labels, newNode.metadata?.labels)) out.push('UpdateNodeLabel');
  if (!same(oldNode.spec?.taints, newNode.spec?.taints) || Boolean(oldNode.spec?.unschedulable) !== Boolean(newNode.spec?.unschedulable)) {
    out.push('UpdateNodeTaint');
  }
  if (!same(conditionStatuses(oldNode), conditionStatuses(newNode))) out.push('UpdateNodeCondition');
  if (!same(oldNode.metadata?.annotations, newNode.metadata?.annotations)) out.push('UpdateNodeAnnotation');
  return out;
}

/** The update actions a change of an assigned pod amounts to. */
export function assignedPodUpdateActions(oldPod: Pod, newPod: Pod): ActionType[] {
  const out: ActionType[] = ['Update'];
  if (!same(oldPod.metadata?.labels, newPod.metadata?.labels)) out.push('UpdatePodLabel');
  if (oldPod.metadata?.deletionTimestamp === undefined && newPod.metadata?.deletionTimestamp !== undefined) {
    out.push('UpdatePodScaleDown');
  }
  return out;
}
