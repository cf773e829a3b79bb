import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultReplicaSet } from './replicaset.js';

describe('defaultReplicaSet', () => {
  it('defaults replicas to 1 and the template spec', () => {
    const rs: ReplicaSet = { spec: { selector: {}, template: { spec: { containers: [] } } } };
    defaultReplicaSet(rs);
    expect(rs.spec?.replicas).toBe(1);
    expect(rs.spec?.template?.spec?.dnsPolicy).toBe('ClusterFirst');
  });
});
