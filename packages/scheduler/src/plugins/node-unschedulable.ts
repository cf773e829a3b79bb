/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
 * node.kubernetes.io/unschedulable:NoSchedule taint.
 */
import type { Node, Pod } from '@kubelab/api';
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import type { FilterPlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';
import { tolerationsTolerateTaint } from '../helpers/tolerations.js';

export const NAME = 'NodeUnschedulable';
export const ERR_REASON_UNKNOWN_CONDITION = 'node(s) had unknown conditions';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Undefined when the pod may go to the node, else the reason it may not. */
export function unschedulableReason(pod: Pod, node: Node | undefined): string | undefined {
  if (!node) return ERR_REASON_UNKNOWN_CONDITION;
  if (!node.spec?.unschedulable) return undefined;
  const tolerates = tolerationsTolerateTaint(pod.spec?.tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  return tolerates ? undefined : ERR_REASON_UNSCHEDULABLE;
}

export class NodeUnschedulablePlugin implements FilterPlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'Node', actions: ['Add', 'UpdateNodeTaint'] },
      { resource: 'UnscheduledPod', actions: ['Update'] },
    ];
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const why = unschedulableReason(pod.pod, node.node);
    return why ? Status.unresolvable(why) : undefined;
  }
}
