/**
 * InterPodAffinity: required pod affinity and anti-affinity (the incoming pod's and the
 * existing pods') filter nodes by topology domain; preferred terms and existing pods' terms
 * score them.
 */
import type { ClusterEvent } from '../../framework/cluster-events.js';
import type { CycleState } from '../../framework/cycle-state.js';
import type { FrameworkHandle } from '../../framework/handle.js';
import type {
  FilterPlugin,
  NodeScore,
  PreFilterOutcome,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from '../../framework/interfaces.js';
import type { NodeInfo } from '../../framework/node-info.js';
import { nothingSelector } from '@kubelab/api';
import type { AffinityTerm, PodInfo } from '../../framework/pod-info.js';
import { Status } from '../../framework/status.js';
import {
  computeAffinityFilterState,
  satisfiesExistingPodsAntiAffinity,
  satisfiesPodAffinity,
  satisfiesPodAntiAffinity,
  type AffinityFilterState,
} from './filter-state.js';
import { affinityScore, computeTopologyScore, normalizeAffinityScores, type TopologyScore } from './score-state.js';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
const PREFILTER_KEY = 'PreFilter/InterPodAffinity';
const PRESCORE_KEY = 'PreScore/InterPodAffinity';

/** The filter decision for one node, given the PreFilter state. */
export function affinityFilter(s: AffinityFilterState, node: NodeInfo): Status | undefined {
  if (!satisfiesPodAffinity(s, node)) return Status.unresolvable(ERR_REASON_AFFINITY);
  if (!satisfiesPodAntiAffinity(s, node)) return Status.unschedulable(ERR_REASON_ANTI_AFFINITY);
  if (!satisfiesExistingPodsAntiAffinity(s, node)) return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
  return undefined;
}

export class InterPodAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAME;

  constructor(private readonly handle: FrameworkHandle) {}

  events(): ClusterEvent[] {
    return [
      { resource: 'AssignedPod', actions: ['Add', 'Update', 'Delete'] },
      { resource: 'Node', actions: ['Add', 'UpdateNodeLabel'] },
      { resource: 'UnscheduledPod', actions: ['Update'] },
    ];
  }

  /** mergeAffinityTermNamespacesIfNotEmpty: resolve a namespace selector into namespaces. */
  private merged<T extends AffinityTerm>(terms: readonly T[]): T[] {
    return terms.map((t) => {
      if (t.namespaceSelector.empty) return t;
      const namespaces = new Set(t.namespaces);
      for (const ns of this.handle.namespacesMatching(t.namespaceSelector)) namespaces.add(ns);
      return { ...t, namespaces, namespaceSelector: nothingSelector() };
    });
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome {
    if (pod.parseError) return { status: Status.unresolvable(`parsing pod: ${pod.parseError}`) };
    const s = computeAffinityFilterState(
      pod,
      this.merged(pod.requiredAffinityTerms),
      this.merged(pod.requiredAntiAffinityTerms),
      nodes,
      this.handle.namespaceLabels(pod.namespace),
    );
    if (s.existingAntiAffinityCounts.size === 0 && s.affinityTerms.length === 0 && s.antiAffinityTerms.length === 0) {
      return { status: Status.skip };
    }
    state.write(PREFILTER_KEY, s);
    return {};
  }

  addPod(state: CycleState, _pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    state.read<AffinityFilterState>(PREFILTER_KEY)?.updateWithPod(other, node, 1);
  }

  removePod(state: CycleState, _pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    state.read<AffinityFilterState>(PREFILTER_KEY)?.updateWithPod(other, node, -1);
  }

  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status | undefined {
    const s = state.read<AffinityFilterState>(PREFILTER_KEY);
    return s ? affinityFilter(s, node) : undefined;
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    const affinity = this.merged(pod.preferredAffinityTerms);
    const anti = this.merged(pod.preferredAntiAffinityTerms);
    const hasConstraints = affinity.length > 0 || anti.length > 0;
    const nodes = hasConstraints ? this.handle.nodeInfos() : this.handle.nodeInfos().filter((n) => n.podsWithAffinity.length > 0);
    const m = computeTopologyScore(pod, affinity, anti, nodes, this.handle.namespaceLabels(pod.namespace));
    if (m.size === 0) return Status.skip;
    state.write(PRESCORE_KEY, m);
    return undefined;
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const m = state.read<TopologyScore>(PRESCORE_KEY);
    return m ? affinityScore(m, node) : 0;
  }

  normalize(state: CycleState, _pod: PodInfo, scores: NodeScore[]): void {
    if (state.read<TopologyScore>(PRESCORE_KEY)) normalizeAffinityScores(scores);
  }
}
