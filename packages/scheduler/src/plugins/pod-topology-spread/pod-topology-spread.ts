/**
 * PodTopologySpread: DoNotSchedule constraints filter nodes whose domain would exceed maxSkew
 * over the global minimum; ScheduleAnyway constraints (or the system defaults for pods a
 * Service or ReplicaSet selects) score nodes by how few matching pods their domains hold.
 */
import type { ClusterEvent } from '../../framework/cluster-events.js';
import type { CycleState } from '../../framework/cycle-state.js';
import type { FrameworkHandle } from '../../framework/handle.js';
import {
  MAX_NODE_SCORE,
  type FilterPlugin,
  type NodeScore,
  type PreFilterOutcome,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/interfaces.js';
import type { NodeInfo } from '../../framework/node-info.js';
import type { PodInfo } from '../../framework/pod-info.js';
import { Status } from '../../framework/status.js';
import { podConstraints } from './common.js';
import { SpreadFilterState } from './filter-state.js';
import { computeScoreState, spreadScore, type SpreadScoreState } from './score-state.js';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;
const PREFILTER_KEY = 'PreFilter/PodTopologySpread';
const PRESCORE_KEY = 'PreScore/PodTopologySpread';

/** The filter decision for one node, given the PreFilter state. */
export function spreadFilter(s: SpreadFilterState, pod: PodInfo, node: NodeInfo): Status | undefined {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!c) continue;
    const value = node.labels[c.topologyKey];
    if (value === undefined) return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const self = c.selector.matches(pod.pod.metadata?.labels) ? 1 : 0;
    const skew = (s.matchNum[i]?.get(value) ?? 0) + self - s.minMatchNum(i);
    if (skew > c.maxSkew) return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return undefined;
}

/** NormalizeScore: fewer matching pods score higher; ignored nodes score 0. */
export function normalizeSpreadScores(s: SpreadScoreState, scores: NodeScore[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) continue;
    if (sc.score < min) min = sc.score;
    if (sc.score > max) max = sc.score;
  }
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) sc.score = 0;
    else if (max === 0) sc.score = MAX_NODE_SCORE;
    else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
  }
}

export class PodTopologySpreadPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAME;

  constructor(private readonly handle: FrameworkHandle) {}

  events(): ClusterEvent[] {
    return [
      { resource: 'AssignedPod', actions: ['Add', 'Update', 'Delete'] },
      { resource: 'Node', actions: ['Add', 'Delete', 'UpdateNodeLabel', 'UpdateNodeTaint'] },
      { resource: 'UnscheduledPod', actions: ['Update'] },
    ];
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome {
    const constraints = podConstraints(pod, 'DoNotSchedule', this.handle);
    if (constraints.length === 0) return { status: Status.skip };
    state.write(PREFILTER_KEY, SpreadFilterState.compute(pod, constraints, nodes));
    return {};
  }

  addPod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    state.read<SpreadFilterState>(PREFILTER_KEY)?.updateWithPod(pod, other, node, 1);
  }

  removePod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    state.read<SpreadFilterState>(PREFILTER_KEY)?.updateWithPod(pod, other, node, -1);
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const s = state.read<SpreadFilterState>(PREFILTER_KEY);
    return s ? spreadFilter(s, pod, node) : undefined;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | undefined {
    const all = this.handle.nodeInfos();
    if (nodes.length === 0 || all.length === 0) return Status.skip;
    const constraints = podConstraints(pod, 'ScheduleAnyway', this.handle);
    if (constraints.length === 0) return Status.skip;
    const requireAll = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    state.write(PRESCORE_KEY, computeScoreState(pod, constraints, nodes, all, requireAll));
    return undefined;
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const s = state.read<SpreadScoreState>(PRESCORE_KEY);
    return s ? spreadScore(s, pod, node) : 0;
  }

  normalize(state: CycleState, _pod: PodInfo, scores: NodeScore[]): void {
    const s = state.read<SpreadScoreState>(PRESCORE_KEY);
    if (s) normalizeSpreadScores(s, scores);
  }
}
