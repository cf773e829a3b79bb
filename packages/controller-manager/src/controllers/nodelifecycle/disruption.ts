/**
 * handleDisruption (node_lifecycle_controller.go): zone states from the nodes' Ready conditions;
 * entering master disruption mode lifts every NoExecute taint and stops tainting, leaving it
 * restarts every node's grace period and the zones' tainting rates.
 */
import type { Logger, Node } from '@kubelab/api';
import type { NodeHealth } from './node-health.js';
import type { NodeLifecycleOptions } from './node-lifecycle-controller.js';
import type { NodeTainter } from './node-tainter.js';
import { computeZoneState, disruptionTransition, zoneQps, type ZoneState } from './zone-state.js';

export interface DisruptionContext {
  tainter: NodeTainter;
  zoneStates: Map<string, ZoneState>;
  health: Map<string, NodeHealth>;
  logger: Logger;
  nowMs: number;
  options: NodeLifecycleOptions;
}

export async function handleDisruption(
  c: DisruptionContext,
  zoneConditions: Map<string, Parameters<typeof computeZoneState>[0]>,
  nodes: Node[],
): Promise<void> {
  const next = new Map<string, ZoneState>();
  for (const [z, conds] of zoneConditions)
    next.set(z, computeZoneState(conds, c.options.unhealthyZoneThreshold).state);
  for (const z of [...c.zoneStates.keys()]) if (!next.has(z)) c.zoneStates.delete(z);
  const t = disruptionTransition(c.zoneStates, next);
  const now = c.nowMs;
  const rates = {
    evictionQps: c.options.evictionQps,
    secondaryEvictionQps: c.options.secondaryEvictionQps,
    largeClusterThreshold: c.options.largeClusterThreshold,
  };
  if (t.kind === 'enterFullDisruption') {
    c.logger.info(
      'Controller detected that all Nodes are not-Ready. Entering master disruption mode',
    );
    for (const node of nodes) {
      await c.tainter.markNodeAsReachable(node).catch((err: unknown) =>
        c.logger.error('Failed to remove taints from Node', err, {
          node: node.metadata?.name,
        }),
      );
    }
    for (const z of next.keys()) {
      c.tainter.zone(z).limiter.swap(0, now);
      c.zoneStates.set(z, 'FullDisruption');
    }
  } else if (t.kind === 'exitFullDisruption') {
    c.logger.info('Controller detected that some Nodes are Ready. Exiting master disruption mode');
    for (const node of nodes) {
      const h = c.health.get(node.metadata?.name ?? '');
      if (h)
        c.health.set(node.metadata?.name ?? '', {
          ...h,
          probeTimestamp: now,
          readyTransitionTimestamp: now,
        });
    }
    for (const [z, s] of t.states) {
      c.tainter.zone(z).limiter.swap(zoneQps(s, zoneConditions.get(z)?.length ?? 0, rates), now);
      c.zoneStates.set(z, s);
    }
  } else if (t.kind === 'zoneChanges') {
    for (const [z, s] of t.changes) {
      c.logger.info('Controller detected that zone is now in new state', {
        zone: z,
        newState: s,
      });
      c.tainter.zone(z).limiter.swap(zoneQps(s, zoneConditions.get(z)?.length ?? 0, rates), now);
      c.zoneStates.set(z, s);
    }
  }
}
