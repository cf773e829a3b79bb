import { describe, expect, it } from 'vitest';
import { goZeroValue } from './go-zero-value.js';

describe('goZeroValue', () => {
  it('has the struct fields a Go zero value serializes', () => {
    expect(goZeroValue('io.k8s.api.apps.v1.Deployment')).toEqual({
      metadata: { creationTimestamp: null },
      spec: {
        selector: null,
        template: { metadata: { creationTimestamp: null }, spec: { containers: null } },
        strategy: {},
      },
      status: {},
    });
  });

  it('falls back to metadata, spec and status for kinds without Go struct tags', () => {
    expect(goZeroValue('io.k8s.api.apps.v1.ReplicaSet')).toMatchObject({
      metadata: { creationTimestamp: null },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: null } } },
      status: {},
    });
  });
});
