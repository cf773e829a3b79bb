import type { Deployment, ReplicaSet } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  maxRevision,
  setNewReplicaSetAnnotations,
} from './annotations.js';

const d: Deployment = {
  metadata: {
    name: 'web',
    annotations: {
      team: 'a',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      [REVISION_ANNOTATION]: '4',
    },
  },
  spec: {
    replicas: 4,
    selector: {},
    template: {},
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  },
};

describe('setNewReplicaSetAnnotations', () => {
  it('copies the deployment annotations but the skipped ones and stamps revision and replicas', () => {
    const rs: ReplicaSet = { metadata: { name: 'web-abc' } };
    expect(
      setNewReplicaSetAnnotations({ deployment: d, rs, newRevision: '3', exists: false }),
    ).toBe(true);
    expect(rs.metadata?.annotations).toEqual({
      team: 'a',
      [REVISION_ANNOTATION]: '3',
      [DESIRED_REPLICAS_ANNOTATION]: '4',
      [MAX_REPLICAS_ANNOTATION]: '5',
    });
  });

  it('records the previous revision in revision-history when a ReplicaSet is reused (rollback)', () => {
    const rs: ReplicaSet = {
      metadata: { name: 'web-abc', annotations: { team: 'a', [REVISION_ANNOTATION]: '1' } },
    };
    setNewReplicaSetAnnotations({ deployment: d, rs, newRevision: '3', exists: true });
    expect(rs.metadata?.annotations?.[REVISION_ANNOTATION]).toBe('3');
    expect(rs.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1');
    setNewReplicaSetAnnotations({ deployment: d, rs, newRevision: '5', exists: true });
    expect(rs.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1,3');
  });

  it('never lowers a revision and reports no change', () => {
    const rs: ReplicaSet = {
      metadata: { name: 'web-abc', annotations: { team: 'a', [REVISION_ANNOTATION]: '7' } },
    };
    expect(setNewReplicaSetAnnotations({ deployment: d, rs, newRevision: '3', exists: true })).toBe(
      false,
    );
    expect(maxRevision([rs, { metadata: { annotations: { [REVISION_ANNOTATION]: 'x' } } }])).toBe(
      7,
    );
  });
});
