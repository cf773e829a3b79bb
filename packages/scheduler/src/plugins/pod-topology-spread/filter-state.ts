/**
 * PodTopologySpread's PreFilter state: for each DoNotSchedule constraint, matching pods per
 * topology value over the eligible nodes, and the global minimum (criticalPaths).
 */
import type { StateData } from '../../framework/cycle-state.js';
import type { NodeInfo } from '../../framework/node-info.js';
import type { PodInfo } from '../../framework/pod-info.js';
import { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import {
  countPodsMatchSelector,
  matchesInclusionPolicies,
  nodeHasAllTopologyKeys,
  type SpreadConstraint,
} from './common.js';

export class SpreadFilterState implements StateData {
  constructor(
    readonly constraints: readonly SpreadConstraint[],
    /** Per constraint: topology value -> matching pods. */
    readonly matchNum: Map<string, number>[],
    private readonly required: RequiredNodeAffinity,
  ) {}

  static compute(pod: PodInfo, constraints: readonly SpreadConstraint[], nodes: readonly NodeInfo[]): SpreadFilterState {
    const required = new RequiredNodeAffinity(pod.pod);
    const matchNum = constraints.map(() => new Map<string, number>());
    for (const ni of nodes) {
      const node = ni.node;
      if (!node || !nodeHasAllTopologyKeys(ni.labels, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!matchesInclusionPolicies(c, pod.pod, node, required)) return;
        const value = ni.labels[c.topologyKey] ?? '';
        const m = matchNum[i] as Map<string, number>;
        m.set(value, (m.get(value) ?? 0) + countPodsMatchSelector(ni.pods, c.selector, pod.namespace));
      });
    }
    return new SpreadFilterState(constraints, matchNum, required);
  }

  /** The global minimum, or 0 while fewer domains than minDomains are eligible. */
  minMatchNum(i: number): number {
    const m = this.matchNum[i] as Map<string, number>;
    const c = this.constraints[i] as SpreadConstraint;
    if (m.size < c.minDomains) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (const v of m.values()) if (v < min) min = v;
    return Number.isFinite(min) ? min : 0;
  }

  /** updateWithPod: a pod (virtually) added to or removed from a node. */
  updateWithPod(podToSchedule: PodInfo, other: PodInfo, node: NodeInfo, delta: 1 | -1): void {
    if (other.namespace !== podToSchedule.namespace || !node.node) return;
    if (!nodeHasAllTopologyKeys(node.labels, this.constraints)) return;
    this.constraints.forEach((c, i) => {
      if (!c.selector.matches(other.pod.metadata?.labels)) return;
      if (!matchesInclusionPolicies(c, podToSchedule.pod, node.node as NonNullable<NodeInfo['node']>, this.required)) return;
      const value = node.labels[c.topologyKey] ?? '';
      const m = this.matchNum[i] as Map<string, number>;
      m.set(value, (m.get(value) ?? 0) + delta);
    });
  }

  clone(): SpreadFilterState {
    return new SpreadFilterState(this.constraints, this.matchNum.map((m) => new Map(m)), this.required);
  }
}
