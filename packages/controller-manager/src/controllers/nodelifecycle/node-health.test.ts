import type { Lease, Node } from '@kubelab/api';
import { rfc3339 } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { tryUpdateNodeHealth, type NodeHealth } from './node-health.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');
const GRACE = 50_000;

function node(heartbeat?: string, status = 'True'): Node {
  return {
    metadata: { name: 'w1', creationTimestamp: '2024-05-31T00:00:00Z' },
    status: heartbeat
      ? {
          conditions: [
            {
              type: 'MemoryPressure',
              status: 'False',
              reason: 'KubeletHasSufficientMemory',
              lastHeartbeatTime: heartbeat,
              lastTransitionTime: '2024-05-31T00:00:00Z',
            },
            {
              type: 'Ready',
              status,
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastHeartbeatTime: heartbeat,
              lastTransitionTime: '2024-05-31T00:00:00Z',
            },
          ],
        }
      : {},
  };
}

const lease = (renew: number): Lease => ({
  metadata: { name: 'w1', namespace: 'kube-node-lease' },
  spec: { renewTime: new Date(renew).toISOString() },
});

function pass(n: Node, saved: NodeHealth | undefined, now: number, l?: Lease) {
  return tryUpdateNodeHealth({
    node: n,
    saved,
    lease: l,
    nowMs: now,
    gracePeriodMs: GRACE,
    startupGracePeriodMs: 60_000,
  });
}

describe('tryUpdateNodeHealth', () => {
  it('starts the clock at first sight and keeps a node healthy while heartbeats change', () => {
    const r1 = pass(node(rfc3339(T0)), undefined, T0);
    expect(r1.updatedNode).toBeUndefined();
    expect(r1.health.probeTimestamp).toBe(T0);
    const r2 = pass(node(rfc3339(T0 + 40_000)), r1.health, T0 + 40_000);
    expect(r2.health.probeTimestamp).toBe(T0 + 40_000);
    expect(pass(node(rfc3339(T0 + 40_000)), r2.health, T0 + 80_000).updatedNode).toBeUndefined();
  });

  it('marks the kubelet conditions Unknown after the grace period without heartbeat or lease renewal', () => {
    const r1 = pass(node(rfc3339(T0)), undefined, T0);
    const late = T0 + GRACE + 1000;
    const r2 = pass(node(rfc3339(T0)), r1.health, late);
    expect(r2.observedReady.status).toBe('True');
    expect(r2.currentReady).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: rfc3339(T0),
      lastTransitionTime: rfc3339(late),
    });
    const conds = r2.updatedNode?.status?.conditions ?? [];
    expect(conds.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown'],
      ['Ready', 'Unknown', 'NodeStatusUnknown'],
      ['DiskPressure', 'Unknown', 'NodeStatusNeverUpdated'],
      ['PIDPressure', 'Unknown', 'NodeStatusNeverUpdated'],
    ]);
    expect(conds[2]?.message).toBe('Kubelet never posted node status.');
  });

  it('counts a renewed Lease as a heartbeat', () => {
    const r1 = pass(node(rfc3339(T0)), undefined, T0, lease(T0));
    const r2 = pass(node(rfc3339(T0)), r1.health, T0 + 40_000, lease(T0 + 40_000));
    expect(r2.health.probeTimestamp).toBe(T0 + 40_000);
    expect(
      pass(node(rfc3339(T0)), r2.health, T0 + 80_000, lease(T0 + 40_000)).updatedNode,
    ).toBeUndefined();
    expect(
      pass(node(rfc3339(T0)), r2.health, T0 + 91_000, lease(T0 + 40_000)).updatedNode,
    ).toBeDefined();
  });

  it('gives a node that never posted status the startup grace period', () => {
    const created = Date.parse('2024-05-31T00:00:00Z');
    const r = pass(node(), undefined, created + 30_000);
    expect(r.updatedNode).toBeUndefined();
    const r2 = pass(node(), r.health, created + 61_000);
    expect(r2.currentReady).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    });
  });
});
