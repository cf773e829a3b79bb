/** NodeName: a pod that names a node (spec.nodeName) fits only that node. */
import type { Pod } from '@kubelab/api';
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import type { FilterPlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';

export const NAME = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

export function fits(pod: Pod, node: NodeInfo): boolean {
  const want = pod.spec?.nodeName ?? '';
  return want === '' || want === node.name;
}

export class NodeNamePlugin implements FilterPlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [{ resource: 'Node', actions: ['Add', 'Update'] }];
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    return fits(pod.pod, node) ? undefined : Status.unresolvable(ERR_REASON);
  }
}
