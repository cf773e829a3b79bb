/**
 * tryUpdateNodeHealth (node_lifecycle_controller.go): a node is healthy while its Ready
 * condition's heartbeat or its Lease keep changing; after the grace period without either, its
 * kubelet conditions become Unknown with the upstream reasons and messages.
 */
import { rfc3339, type Lease, type Node, type NodeCondition } from '@kubelab/api';

export interface NodeHealth {
  /** The status last seen (its Ready condition is compared on the next pass). */
  status: Node['status'];
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  lease?: Lease | undefined;
}

export interface HealthInput {
  node: Node;
  saved: NodeHealth | undefined;
  lease: Lease | undefined;
  nowMs: number;
  gracePeriodMs: number;
  startupGracePeriodMs: number;
}

export interface HealthResult {
  health: NodeHealth;
  /** The Ready condition as the node posted it (a fake Unknown one when it never did). */
  observedReady: NodeCondition;
  /** The Ready condition after this pass (undefined when the node has none and is within grace). */
  currentReady: NodeCondition | undefined;
  /** The node with Unknown conditions, when a status write is needed. */
  updatedNode?: Node;
}

/** Conditions the controller marks Unknown (NetworkUnavailable is managed elsewhere). */
export const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

const readyOf = (status: Node['status'] | undefined): NodeCondition | undefined =>
  status?.conditions?.find((c) => c.type === 'Ready');

export function tryUpdateNodeHealth(i: HealthInput): HealthResult {
  const { node, nowMs } = i;
  const created = Date.parse(node.metadata?.creationTimestamp ?? '') || nowMs;
  let health: NodeHealth | undefined = i.saved ? { ...i.saved } : undefined;
  let currentReady = readyOf(node.status);
  let observedReady: NodeCondition;
  let grace: number;
  if (!currentReady) {
    // The kubelet never posted status: judge from the creation time, with the startup grace.
    const t = node.metadata?.creationTimestamp ?? rfc3339(created);
    observedReady = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: t,
      lastTransitionTime: t,
    };
    grace = i.startupGracePeriodMs;
    if (health) health.status = node.status;
    else
      health = { status: node.status, probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observedReady = { ...currentReady };
    grace = i.gracePeriodMs;
  }
  const savedReady = health ? readyOf(health.status) : undefined;
  const savedLease = health?.lease;
  const fresh = (): NodeHealth => ({
    status: node.status,
    probeTimestamp: nowMs,
    readyTransitionTimestamp: nowMs,
  });
  if (!health) health = fresh();
  else if (!savedReady && currentReady) health = fresh();
  else if (savedReady && !currentReady) health = fresh();
  else if (
    savedReady &&
    currentReady &&
    savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime
  ) {
    const transition =
      savedReady.lastTransitionTime !== currentReady.lastTransitionTime
        ? nowMs
        : health.readyTransitionTimestamp;
    health = { status: node.status, probeTimestamp: nowMs, readyTransitionTimestamp: transition };
  }
  const renewed = (l: Lease | undefined): number => Date.parse(l?.spec?.renewTime ?? '') || 0;
  if (i.lease && (!savedLease || renewed(savedLease) < renewed(i.lease))) {
    health.lease = i.lease;
    health.probeTimestamp = nowMs;
  }
  const h = health;
  if (nowMs > h.probeTimestamp + grace) {
    const updated = structuredClone(node);
    const conditions = ((updated.status ??= {}).conditions ??= []);
    const now = rfc3339(nowMs);
    for (const type of MONITORED_CONDITIONS) {
      const c = conditions.find((x) => x.type === type);
      if (!c) {
        conditions.push({
          type,
          status: 'Unknown',
          reason: 'NodeStatusNeverUpdated',
          message: 'Kubelet never posted node status.',
          lastHeartbeatTime: node.metadata?.creationTimestamp ?? rfc3339(created),
          lastTransitionTime: now,
        });
      } else if (c.status !== 'Unknown') {
        c.status = 'Unknown';
        c.reason = 'NodeStatusUnknown';
        c.message = 'Kubelet stopped posting node status.';
        c.lastTransitionTime = now;
      }
    }
    currentReady = readyOf(updated.status);
    if (JSON.stringify(currentReady) !== JSON.stringify(observedReady)) {
      return {
        health: {
          status: updated.status,
          probeTimestamp: h.probeTimestamp,
          readyTransitionTimestamp: nowMs,
          lease: i.lease,
        },
        observedReady,
        currentReady,
        updatedNode: updated,
      };
    }
  }
  return { health: h, observedReady, currentReady };
}
