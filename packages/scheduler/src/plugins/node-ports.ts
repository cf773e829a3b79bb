/** NodePorts: a node fits only if none of the pod's host ports is in use there. */
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import type { HostPort } from '../framework/host-ports.js';
import type { FilterPlugin, PreFilterOutcome, PreFilterPlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';

export const NAME = 'NodePorts';
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

export function fitsPorts(wanted: readonly HostPort[], node: NodeInfo): boolean {
  return wanted.every((p) => !node.usedPorts.conflicts(p));
}

export class NodePortsPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'AssignedPod', actions: ['Delete'] },
      { resource: 'Node', actions: ['Add', 'Update'] },
    ];
  }

  preFilter(_state: CycleState, pod: PodInfo): PreFilterOutcome {
    return pod.hostPorts.length === 0 ? { status: Status.skip } : {};
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    return fitsPorts(pod.hostPorts, node) ? undefined : Status.unschedulable(ERR_REASON);
  }
}
