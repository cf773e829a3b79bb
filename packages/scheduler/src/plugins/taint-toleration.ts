/**
 * TaintToleration: a node with a NoSchedule/NoExecute taint the pod does not tolerate is
 * filtered out; nodes are scored by how few PreferNoSchedule taints the pod does not tolerate.
 */
import type { Node, Pod, Taint, Toleration } from '@kubelab/api';
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import { defaultNormalizeScore } from '../framework/default-normalize-score.js';
import { MAX_NODE_SCORE, type FilterPlugin, type NodeScore, type PreScorePlugin, type ScorePlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';
import { doNotScheduleTaints, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from '../helpers/tolerations.js';

export const NAME = 'TaintToleration';
const STATE_KEY = 'PreScore/TaintToleration';

/** The untolerated NoSchedule/NoExecute taint, if any. */
export function untoleratedTaint(pod: Pod, node: Node | undefined): Taint | undefined {
  return findMatchingUntoleratedTaint(node?.spec?.taints, pod.spec?.tolerations, doNotScheduleTaints);
}

export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** The tolerations that count for PreferNoSchedule taints (effect empty or PreferNoSchedule). */
export function preferNoScheduleTolerations(pod: Pod): Toleration[] {
  return (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** countIntolerableTaintsPreferNoSchedule. */
export function intolerablePreferNoScheduleTaints(taints: readonly Taint[] | undefined, tolerations: Toleration[]): number {
  let n = 0;
  for (const t of taints ?? []) {
    if (t.effect !== 'PreferNoSchedule') continue;
    if (!tolerationsTolerateTaint(tolerations, t)) n++;
  }
  return n;
}

export class TaintTolerationPlugin implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'Node', actions: ['Add', 'UpdateNodeTaint'] },
      { resource: 'UnscheduledPod', actions: ['Update'] },
    ];
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const taint = untoleratedTaint(pod.pod, node.node);
    return taint ? Status.unresolvable(untoleratedTaintReason(taint)) : undefined;
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    state.write(STATE_KEY, preferNoScheduleTolerations(pod.pod));
    return undefined;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const tolerations = state.read<Toleration[]>(STATE_KEY) ?? preferNoScheduleTolerations(pod.pod);
    return intolerablePreferNoScheduleTaints(node.node?.spec?.taints, tolerations);
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: NodeScore[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }
}
