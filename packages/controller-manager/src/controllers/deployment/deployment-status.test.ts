import type { Deployment, ReplicaSet } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { progressCheckDelayMs, rolloutStatus } from './deployment-status.js';

const NOW = Date.parse('2024-06-01T00:00:00Z');

function rs(name: string, replicas: number, available: number): ReplicaSet {
  return {
    metadata: { name },
    spec: { replicas, selector: {} },
    status: { replicas, readyReplicas: available, availableReplicas: available },
  };
}

function deployment(status?: Deployment['status']): Deployment {
  return {
    metadata: { name: 'web', generation: 2 },
    spec: {
      replicas: 3,
      selector: {},
      template: {},
      progressDeadlineSeconds: 600,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    },
    ...(status ? { status } : {}),
  };
}

describe('rolloutStatus', () => {
  it('reports a complete rollout as upstream words it', () => {
    const newRS = rs('web-5869d7778c', 3, 3);
    const s = rolloutStatus([newRS], newRS, deployment(), NOW);
    expect(s).toMatchObject({
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 0,
    });
    expect(s.conditions).toEqual([
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastUpdateTime: '2024-06-01T00:00:00Z',
        lastTransitionTime: '2024-06-01T00:00:00Z',
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: 'ReplicaSet "web-5869d7778c" has successfully progressed.',
        lastUpdateTime: '2024-06-01T00:00:00Z',
        lastTransitionTime: '2024-06-01T00:00:00Z',
      },
    ]);
  });

  it('reports progress and lack of availability during a rollout', () => {
    const oldRS = rs('web-old', 1, 1);
    const newRS = rs('web-new', 3, 1);
    const prev = deployment({
      replicas: 3,
      updatedReplicas: 1,
      availableReplicas: 1,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          lastTransitionTime: '2024-05-31T00:00:00Z',
          lastUpdateTime: '2024-05-31T00:00:00Z',
        },
      ],
    });
    const s = rolloutStatus([oldRS, newRS], newRS, prev, NOW);
    expect(s.unavailableReplicas).toBe(2);
    expect(s.conditions?.find((c) => c.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
    expect(s.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "web-new" is progressing.',
      lastTransitionTime: '2024-05-31T00:00:00Z',
      lastUpdateTime: '2024-06-01T00:00:00Z',
    });
  });

  it('times out after progressDeadlineSeconds without progress and requeues before that', () => {
    const newRS = rs('web-new', 3, 0);
    const last = '2024-05-31T23:55:00Z';
    const prev = deployment({
      replicas: 3,
      updatedReplicas: 3,
      conditions: [
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          lastTransitionTime: last,
          lastUpdateTime: last,
        },
      ],
    });
    const s = rolloutStatus([newRS], newRS, prev, NOW);
    expect(s.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    expect(progressCheckDelayMs(prev, s, NOW)).toBe(5 * 60 * 1000 + 1000);
    const later = rolloutStatus([newRS], newRS, prev, NOW + 6 * 60 * 1000);
    expect(later.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-new" has timed out progressing.',
    });
  });

  it('lifts a ReplicaSet failure into the deployment', () => {
    const newRS = rs('web-new', 3, 0);
    newRS.status = {
      ...newRS.status,
      replicas: 0,
      conditions: [
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          message: 'quota',
          lastTransitionTime: '2024-05-31T00:00:00Z',
        },
      ],
    };
    const s = rolloutStatus([newRS], newRS, deployment(), NOW);
    expect(s.conditions?.find((c) => c.type === 'ReplicaFailure')).toMatchObject({
      status: 'True',
      reason: 'FailedCreate',
      message: 'quota',
    });
  });
});
