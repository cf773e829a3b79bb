import type { Deployment, ReplicaSet } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { MAX_REPLICAS_ANNOTATION } from './annotations.js';
import {
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicaSetProportion,
  resolveFenceposts,
  roundHalfAwayFromZero,
} from './rollout-math.js';

function deployment(
  replicas: number,
  surge?: number | string,
  unavailable?: number | string,
): Deployment {
  return {
    metadata: { name: 'web', generation: 1 },
    spec: {
      replicas,
      selector: {},
      template: {},
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          ...(surge !== undefined ? { maxSurge: surge } : {}),
          ...(unavailable !== undefined ? { maxUnavailable: unavailable } : {}),
        },
      },
    },
  };
}

const rs = (replicas: number, maxReplicas?: number): ReplicaSet => ({
  metadata: {
    name: `rs-${replicas}`,
    ...(maxReplicas !== undefined
      ? { annotations: { [MAX_REPLICAS_ANNOTATION]: String(maxReplicas) } }
      : {}),
  },
  spec: { replicas, selector: {} },
});

describe('rollout arithmetic', () => {
  it('resolves percentages: surge rounds up, unavailability down', () => {
    expect(resolveFenceposts(deployment(10, '25%', '25%'))).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts(deployment(1, '25%', '25%'))).toEqual({ surge: 1, unavailable: 0 });
  });

  it('makes maxUnavailable 1 when both fenceposts resolve to zero', () => {
    expect(resolveFenceposts(deployment(3, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 });
  });

  it('caps maxUnavailable at the replica count and ignores Recreate', () => {
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2);
    const recreate = deployment(3, 1, 1);
    recreate.spec = { ...recreate.spec, strategy: { type: 'Recreate' } } as Deployment['spec'];
    expect(maxSurge(recreate)).toBe(0);
    expect(maxUnavailable(recreate)).toBe(0);
  });

  it('grows the new ReplicaSet up to replicas + maxSurge pods in total', () => {
    const d = deployment(3, 1, 0);
    const newRS = rs(0);
    expect(newRSNewReplicas(d, [rs(3), newRS], newRS)).toBe(1);
    expect(newRSNewReplicas(d, [rs(4), newRS], newRS)).toBe(0);
    expect(newRSNewReplicas(d, [rs(0), rs(2)], rs(2))).toBe(3);
  });

  it('splits a scale-up proportionally to the ReplicaSets sizes', () => {
    // 10 -> 15 replicas (surge 3): an RS with 6 of the 13 allowed before gets round(6*18/13)-6 = 2.
    const d = deployment(15, 3, 2);
    expect(replicaSetProportion(rs(6, 13), d, 5, 0)).toBe(2);
    expect(replicaSetProportion(rs(6, 13), d, 5, 4)).toBe(1);
    expect(replicaSetProportion(rs(0, 13), d, 5, 0)).toBe(0);
  });

  it('rounds halves away from zero as Go does', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
  });
});
