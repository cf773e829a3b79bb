/**
 * Zones and disruption (node_lifecycle_controller.go ComputeZoneState, handleDisruption,
 * ReducedQPSFunc): a zone with no Ready node is fully disrupted; when every zone is, evictions
 * stop and the NoExecute taints come off ("master disruption mode").
 */
import type { Node, NodeCondition } from '@kubelab/api';

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

export const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** GetZoneKey: region and zone labels, "" when the node has neither. */
export function zoneKey(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const region =
    l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone =
    l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

export function computeZoneState(
  ready: (NodeCondition | undefined)[],
  unhealthyThreshold: number,
): { unhealthy: number; state: ZoneState } {
  let readyNodes = 0;
  let notReady = 0;
  for (const c of ready) {
    if (c?.status === 'True') readyNodes++;
    else notReady++;
  }
  if (readyNodes === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + readyNodes) >= unhealthyThreshold)
    return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}

export interface EvictionRates {
  evictionQps: number;
  secondaryEvictionQps: number;
  largeClusterThreshold: number;
}

/** setLimiterInZone: the tainting rate for a zone in a state. */
export function zoneQps(state: ZoneState, zoneSize: number, r: EvictionRates): number {
  if (state === 'PartialDisruption')
    return zoneSize > r.largeClusterThreshold ? r.secondaryEvictionQps : 0;
  return r.evictionQps;
}

export type DisruptionTransition =
  | { kind: 'enterFullDisruption' }
  | { kind: 'exitFullDisruption'; states: Map<string, ZoneState> }
  | { kind: 'zoneChanges'; changes: Map<string, ZoneState> }
  | { kind: 'none' };

/** handleDisruption's decision from the previous and the new zone states. */
export function disruptionTransition(
  prev: Map<string, ZoneState>,
  next: Map<string, ZoneState>,
): DisruptionTransition {
  const allAre = [...next.values()].every((s) => s === 'FullDisruption');
  // Zones seen for the first time start Initial; zones gone are forgotten.
  const allWere = [...next.keys()].every((z) => (prev.get(z) ?? 'Initial') === 'FullDisruption');
  if (allAre && allWere) return { kind: 'none' };
  if (allAre) return { kind: 'enterFullDisruption' };
  if (allWere) return { kind: 'exitFullDisruption', states: next };
  const changes = new Map<string, ZoneState>();
  for (const [z, s] of next) if ((prev.get(z) ?? 'Initial') !== s) changes.set(z, s);
  return { kind: 'zoneChanges', changes };
}
