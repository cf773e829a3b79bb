import type { ApiObject, Clock } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import type { ManagedFieldsEntry } from './managed-fields.js';
import { withScaleManagedFields } from './scale-managed-fields.js';

const clock: Clock = { now: () => Date.parse('2024-05-01T10:00:00Z'), sleep: () => Promise.resolve() };

const deployment = (replicas: number, managedFields: ManagedFieldsEntry[]): ApiObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '3', managedFields: managedFields as never },
  spec: { replicas, selector: { matchLabels: { app: 'web' } } },
});

const applied: ManagedFieldsEntry = {
  manager: 'kubectl',
  operation: 'Apply',
  apiVersion: 'apps/v1',
  time: '2024-05-01T09:00:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:selector': {} } },
};

describe('withScaleManagedFields', () => {
  it('moves replicas from its owner to a scale entry of the writer', () => {
    const scale = withScaleManagedFields((cur) => ({ ...cur, spec: { ...(cur.spec as object), replicas: 5 } }), {
      manager: 'kubectl',
      clock,
      parentVersion: 'apps/v1',
    });
    const out = scale(deployment(2, [applied]));
    expect(out.metadata?.managedFields).toEqual([
      { ...applied, fieldsV1: { 'f:spec': { 'f:selector': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ]);
  });

  it('leaves managedFields alone when the scale changes nothing', () => {
    const scale = withScaleManagedFields((cur) => cur, { manager: 'kubectl', clock, parentVersion: 'apps/v1' });
    expect(scale(deployment(2, [applied])).metadata?.managedFields).toEqual([applied]);
  });
});
