/**
 * PodTopologySpread's PreScore state: ScheduleAnyway constraints, matching pods per topology
 * value (hostname is counted per node during Score), the nodes ignored for lacking topology
 * keys, and each constraint's normalizing weight log(size + 2).
 */
import type { NodeInfo } from '../../framework/node-info.js';
import type { PodInfo } from '../../framework/pod-info.js';
import { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import {
  LABEL_HOSTNAME,
  countPodsMatchSelector,
  matchesInclusionPolicies,
  nodeHasAllTopologyKeys,
  type SpreadConstraint,
} from './common.js';

export interface SpreadScoreState {
  constraints: readonly SpreadConstraint[];
  ignoredNodes: Set<string>;
  podCounts: Map<string, number>[];
  normalizingWeight: number[];
}

export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

export function scoreForCount(count: number, maxSkew: number, weight: number): number {
  return count * weight + (maxSkew - 1);
}

export function computeScoreState(
  pod: PodInfo,
  constraints: readonly SpreadConstraint[],
  filtered: readonly NodeInfo[],
  all: readonly NodeInfo[],
  requireAllTopologies: boolean,
): SpreadScoreState {
  const s: SpreadScoreState = {
    constraints,
    ignoredNodes: new Set(),
    podCounts: constraints.map(() => new Map()),
    normalizingWeight: [],
  };
  const size = constraints.map(() => 0);
  for (const ni of filtered) {
    if (requireAllTopologies && !nodeHasAllTopologyKeys(ni.labels, constraints)) {
      s.ignoredNodes.add(ni.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return;
      const value = ni.labels[c.topologyKey] ?? '';
      const m = s.podCounts[i] as Map<string, number>;
      if (!m.has(value)) {
        m.set(value, 0);
        size[i] = (size[i] ?? 0) + 1;
      }
    });
  }
  s.normalizingWeight = constraints.map((c, i) =>
    topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? filtered.length - s.ignoredNodes.size : (size[i] ?? 0)),
  );
  const required = new RequiredNodeAffinity(pod.pod);
  for (const ni of all) {
    const node = ni.node;
    if (!node) continue;
    if (requireAllTopologies && !nodeHasAllTopologyKeys(ni.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchesInclusionPolicies(c, pod.pod, node, required)) return;
      const m = s.podCounts[i] as Map<string, number>;
      const value = ni.labels[c.topologyKey] ?? '';
      const cur = m.get(value);
      if (cur === undefined) return;
      m.set(value, cur + countPodsMatchSelector(ni.pods, c.selector, pod.namespace));
    });
  }
  return s;
}

/** The node's raw score: the weighted matching-pod counts of its topology domains. */
export function spreadScore(s: SpreadScoreState, pod: PodInfo, node: NodeInfo): number {
  if (s.ignoredNodes.has(node.name)) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return;
    const count =
      c.topologyKey === LABEL_HOSTNAME
        ? countPodsMatchSelector(node.pods, c.selector, pod.namespace)
        : (s.podCounts[i]?.get(value) ?? 0);
    score += scoreForCount(count, c.maxSkew, s.normalizingWeight[i] ?? 0);
  });
  return Math.round(score);
}
