/**
 * NodeAffinity: spec.nodeSelector and required node affinity filter nodes (a pod pinned to
 * node names by matchFields only looks at those nodes); preferred terms score nodes by the sum
 * of matching weights, normalized to 0..100.
 */
import type { Node, Pod } from '@kubelab/api';
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import { defaultNormalizeScore } from '../framework/default-normalize-score.js';
import {
  MAX_NODE_SCORE,
  type FilterPlugin,
  type NodeScore,
  type PreFilterOutcome,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';
import { PreferredSchedulingTerms, RequiredNodeAffinity } from '../helpers/node-selector.js';

export const NAME = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';
const PREFILTER_KEY = 'PreFilter/NodeAffinity';
const PRESCORE_KEY = 'PreScore/NodeAffinity';

/** Whether the node satisfies the pod's node selector and required node affinity. */
export function matchesRequiredAffinity(pod: Pod, node: Node): boolean {
  return new RequiredNodeAffinity(pod).matches(node);
}

export class NodeAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'Node', actions: ['Add', 'UpdateNodeLabel'] },
      { resource: 'UnscheduledPod', actions: ['Update'] },
    ];
  }

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    const required = new RequiredNodeAffinity(pod.pod);
    if (required.empty) return { status: Status.skip };
    state.write(PREFILTER_KEY, required);
    const names = required.pinnedNodeNames();
    if (names && names.size === 0) return { status: Status.unresolvable(ERR_REASON_CONFLICT) };
    return names ? { result: { nodeNames: names } } : {};
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    if (!node.node) return Status.unresolvable(ERR_REASON_POD);
    const required = state.read<RequiredNodeAffinity>(PREFILTER_KEY) ?? new RequiredNodeAffinity(pod.pod);
    return required.matches(node.node) ? undefined : Status.unresolvable(ERR_REASON_POD);
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    const preferred = new PreferredSchedulingTerms(pod.pod);
    if (preferred.empty) return Status.skip;
    state.write(PRESCORE_KEY, preferred);
    return undefined;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const preferred = state.read<PreferredSchedulingTerms>(PRESCORE_KEY) ?? new PreferredSchedulingTerms(pod.pod);
    return node.node ? preferred.score(node.node) : 0;
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: NodeScore[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }
}
