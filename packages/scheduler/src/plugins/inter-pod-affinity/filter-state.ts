/**
 * InterPodAffinity's PreFilter state: counts per topology pair (`key=value`) of
 *  - existing pods whose required anti-affinity the incoming pod matches,
 *  - existing pods matching each of the incoming pod's required affinity terms (all of them),
 *  - existing pods matching any of the incoming pod's required anti-affinity terms.
 */
import type { Pod } from '@kubelab/api';
import type { StateData } from '../../framework/cycle-state.js';
import type { NodeInfo } from '../../framework/node-info.js';
import { affinityTermMatches, type AffinityTerm, type PodInfo } from '../../framework/pod-info.js';

export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

export class AffinityFilterState implements StateData {
  constructor(
    readonly pod: PodInfo,
    /** The incoming pod's required terms, namespace selectors resolved to namespaces. */
    readonly affinityTerms: AffinityTerm[],
    readonly antiAffinityTerms: AffinityTerm[],
    readonly existingAntiAffinityCounts: Map<string, number>,
    readonly affinityCounts: Map<string, number>,
    readonly antiAffinityCounts: Map<string, number>,
    readonly namespaceLabels: Record<string, string> | undefined,
  ) {}

  clone(): AffinityFilterState {
    return new AffinityFilterState(
      this.pod,
      this.affinityTerms,
      this.antiAffinityTerms,
      new Map(this.existingAntiAffinityCounts),
      new Map(this.affinityCounts),
      new Map(this.antiAffinityCounts),
      this.namespaceLabels,
    );
  }

  /** updateWithPod: a pod (virtually) added to or removed from a node. */
  updateWithPod(other: PodInfo, node: NodeInfo, delta: 1 | -1): void {
    const labels = node.labels;
    for (const t of other.requiredAntiAffinityTerms) {
      if (affinityTermMatches(t, this.pod.pod, this.namespaceLabels)) bump(this.existingAntiAffinityCounts, labels, t, delta);
    }
    if (this.affinityTerms.length > 0 && this.affinityTerms.every((t) => affinityTermMatches(t, other.pod, undefined))) {
      for (const t of this.affinityTerms) bump(this.affinityCounts, labels, t, delta);
    }
    for (const t of this.antiAffinityTerms) {
      if (affinityTermMatches(t, other.pod, undefined)) bump(this.antiAffinityCounts, labels, t, delta);
    }
  }
}

function bump(m: Map<string, number>, labels: Record<string, string>, t: AffinityTerm, delta: number): void {
  const value = labels[t.topologyKey];
  if (value === undefined) return;
  const k = pairKey(t.topologyKey, value);
  const n = (m.get(k) ?? 0) + delta;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** podMatchesAllAffinityTerms: the pod itself satisfies all its affinity terms. */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: Pod): boolean {
  return terms.length > 0 && terms.every((t) => affinityTermMatches(t, pod, undefined));
}

export function computeAffinityFilterState(
  pod: PodInfo,
  affinityTerms: AffinityTerm[],
  antiAffinityTerms: AffinityTerm[],
  nodes: readonly NodeInfo[],
  namespaceLabels: Record<string, string> | undefined,
): AffinityFilterState {
  const s = new AffinityFilterState(pod, affinityTerms, antiAffinityTerms, new Map(), new Map(), new Map(), namespaceLabels);
  for (const ni of nodes) {
    if (!ni.node) continue;
    for (const existing of ni.podsWithRequiredAntiAffinity) {
      for (const t of existing.requiredAntiAffinityTerms) {
        if (affinityTermMatches(t, pod.pod, namespaceLabels)) bump(s.existingAntiAffinityCounts, ni.labels, t, 1);
      }
    }
    if (affinityTerms.length === 0 && antiAffinityTerms.length === 0) continue;
    for (const existing of ni.pods) {
      if (affinityTerms.length > 0 && affinityTerms.every((t) => affinityTermMatches(t, existing.pod, undefined))) {
        for (const t of affinityTerms) bump(s.affinityCounts, ni.labels, t, 1);
      }
      for (const t of antiAffinityTerms) {
        if (affinityTermMatches(t, existing.pod, undefined)) bump(s.antiAffinityCounts, ni.labels, t, 1);
      }
    }
  }
  return s;
}

/** satisfyPodAffinity. */
export function satisfiesPodAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.affinityTerms) {
    const value = node.labels[t.topologyKey];
    if (value === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere its terms allow.
  return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.affinityTerms, s.pod.pod);
}

/** satisfyPodAntiAffinity. */
export function satisfiesPodAntiAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  for (const t of s.antiAffinityTerms) {
    const value = node.labels[t.topologyKey];
    if (value !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0) return false;
  }
  return true;
}

/** satisfyExistingPodsAntiAffinity. */
export function satisfiesExistingPodsAntiAffinity(s: AffinityFilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const [k, v] of Object.entries(node.labels)) {
    if ((s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return false;
  }
  return true;
}
