/**
 * Topology spread constraints as the PodTopologySpread plugin reads them: the pod's own
 * constraints for one whenUnsatisfiable action (selector from labelSelector plus
 * matchLabelKeys), or the system defaults (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)
 * with the selector of the Services/ReplicaSets that select the pod; and the helpers both the
 * filter and the scorer use.
 */
import {
  labelSelectorFromMeta,
  newRequirement,
  selectorFromRequirements,
  type LabelSelectorMatcher,
  type Node,
  type Pod,
} from '@kubelab/api';
import type { FrameworkHandle } from '../../framework/handle.js';
import type { PodInfo } from '../../framework/pod-info.js';
import type { RequiredNodeAffinity } from '../../helpers/node-selector.js';
import { doNotScheduleTaints, findMatchingUntoleratedTaint } from '../../helpers/tolerations.js';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export type WhenUnsatisfiable = 'DoNotSchedule' | 'ScheduleAnyway';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelectorMatcher;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

type PodConstraint = NonNullable<NonNullable<Pod['spec']>['topologySpreadConstraints']>[number];

export const SYSTEM_DEFAULT_CONSTRAINTS: PodConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_TOPOLOGY_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** filterTopologySpreadConstraints. */
export function filterConstraints(
  constraints: readonly PodConstraint[],
  podLabels: Record<string, string> | undefined,
  action: WhenUnsatisfiable,
): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = labelSelectorFromMeta(c.labelSelector);
    const keys = (c as { matchLabelKeys?: string[] }).matchLabelKeys ?? [];
    const extra = keys.filter((k) => podLabels?.[k] !== undefined);
    if (extra.length > 0 && c.labelSelector) {
      selector = selectorFromRequirements([
        ...selector.requirements,
        ...extra.map((k) => newRequirement(k, 'in', [podLabels?.[k] ?? ''])),
      ]);
    }
    const x = c as { minDomains?: number; nodeAffinityPolicy?: 'Honor' | 'Ignore'; nodeTaintsPolicy?: 'Honor' | 'Ignore' };
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: x.minDomains ?? 1,
      nodeAffinityPolicy: x.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: x.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** getConstraints / buildDefaultConstraints. */
export function podConstraints(pod: PodInfo, action: WhenUnsatisfiable, handle: FrameworkHandle): SpreadConstraint[] {
  const own = pod.pod.spec?.topologySpreadConstraints ?? [];
  if (own.length > 0) return filterConstraints(own, pod.pod.metadata?.labels, action);
  const defaults = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.pod.metadata?.labels, action);
  if (defaults.length === 0) return [];
  const selector = handle.defaultSpreadSelector(pod.pod);
  if (!selector || selector.empty) return [];
  return defaults.map((c) => ({ ...c, selector }));
}

/** nodeLabelsMatchSpreadConstraints: the node has every constraint's topology key. */
export function nodeHasAllTopologyKeys(labels: Record<string, string>, constraints: readonly SpreadConstraint[]): boolean {
  return constraints.every((c) => labels[c.topologyKey] !== undefined);
}

/** matchNodeInclusionPolicies. */
export function matchesInclusionPolicies(c: SpreadConstraint, pod: Pod, node: Node, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.matches(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaints)) {
    return false;
  }
  return true;
}

/** countPodsMatchSelector: pods in the namespace, not terminating, matching the selector. */
export function countPodsMatchSelector(pods: readonly PodInfo[], selector: LabelSelectorMatcher, namespace: string): number {
  if (selector.empty) return 0;
  let n = 0;
  for (const p of pods) {
    const meta = p.pod.metadata;
    if (meta?.deletionTimestamp || meta?.namespace !== namespace) continue;
    if (selector.matches(meta.labels)) n++;
  }
  return n;
}
