/**
 * InterPodAffinity's PreScore: a score per topology pair from the incoming pod's preferred
 * (anti-)affinity terms matched by existing pods, existing pods' required affinity (weight
 * hardPodAffinityWeight 1) and preferred (anti-)affinity terms matched by the incoming pod.
 */
import type { NodeInfo } from '../../framework/node-info.js';
import { affinityTermMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../framework/pod-info.js';

export const HARD_POD_AFFINITY_WEIGHT = 1;

/** topology key -> value -> score */
export type TopologyScore = Map<string, Map<string, number>>;

function add(m: TopologyScore, labels: Record<string, string>, t: AffinityTerm, weight: number): void {
  const value = labels[t.topologyKey];
  if (value === undefined) return;
  let byValue = m.get(t.topologyKey);
  if (!byValue) {
    byValue = new Map();
    m.set(t.topologyKey, byValue);
  }
  byValue.set(value, (byValue.get(value) ?? 0) + weight);
}

function processTerms(
  m: TopologyScore,
  terms: readonly WeightedAffinityTerm[],
  pod: PodInfo,
  nsLabels: Record<string, string> | undefined,
  labels: Record<string, string>,
  multiplier: number,
): void {
  for (const t of terms) if (affinityTermMatches(t, pod.pod, nsLabels)) add(m, labels, t, t.weight * multiplier);
}

export function computeTopologyScore(
  pod: PodInfo,
  preferredAffinity: readonly WeightedAffinityTerm[],
  preferredAntiAffinity: readonly WeightedAffinityTerm[],
  nodes: readonly NodeInfo[],
  namespaceLabels: Record<string, string> | undefined,
): TopologyScore {
  const hasConstraints = preferredAffinity.length > 0 || preferredAntiAffinity.length > 0;
  const m: TopologyScore = new Map();
  for (const ni of nodes) {
    const labels = ni.labels;
    if (!ni.node || Object.keys(labels).length === 0) continue;
    const existing = hasConstraints ? ni.pods : ni.podsWithAffinity;
    for (const e of existing) {
      processTerms(m, preferredAffinity, e, undefined, labels, 1);
      processTerms(m, preferredAntiAffinity, e, undefined, labels, -1);
      for (const t of e.requiredAffinityTerms) {
        if (affinityTermMatches(t, pod.pod, namespaceLabels)) add(m, labels, t, HARD_POD_AFFINITY_WEIGHT);
      }
      processTerms(m, e.preferredAffinityTerms, pod, namespaceLabels, labels, 1);
      processTerms(m, e.preferredAntiAffinityTerms, pod, namespaceLabels, labels, -1);
    }
  }
  return m;
}

export function affinityScore(m: TopologyScore, node: NodeInfo): number {
  let score = 0;
  for (const [key, values] of m) {
    const v = node.labels[key];
    if (v !== undefined) score += values.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: min..max to 0..100. */
export function normalizeAffinityScores(scores: { score: number }[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = Number.MIN_SAFE_INTEGER;
  for (const s of scores) {
    if (s.score > max) max = s.score;
    if (s.score < min) min = s.score;
  }
  const diff = max - min;
  for (const s of scores) s.score = diff > 0 ? Math.trunc((100 * (s.score - min)) / diff) : 0;
}

