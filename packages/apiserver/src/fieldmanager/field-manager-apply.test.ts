import type { ApiObject, Clock } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { FieldManager } from './field-manager.js';
import { FieldSet } from './field-set.js';
import type { ManagedFieldsEntry } from './managed-fields.js';
import { makePath } from './path-element.js';

const clock: Clock = { now: () => Date.parse('2024-05-01T10:00:00Z'), sleep: () => Promise.resolve() };
const fm = new FieldManager({
  gvk: { group: 'apps', version: 'v1', kind: 'Deployment' },
  subresource: '',
  resetFields: FieldSet.of(makePath('status')),
  clock,
});

function config(replicas: number, labels: Record<string, string> = { app: 'web' }): ApiObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    },
  };
}

/** An applied object as it comes back from storage. */
const stored = (o: ApiObject): ApiObject => ({ ...o, metadata: { ...o.metadata, uid: 'u1', resourceVersion: '5' } });
const managers = (o: ApiObject) => ((o.metadata?.managedFields ?? []) as ManagedFieldsEntry[]).map((e) => [e.manager, e.operation, e.subresource ?? '']);

function conflictOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a conflict');
}

describe('FieldManager.apply', () => {
  it('creates, then leaves an unchanged object as it is', () => {
    const created = stored(fm.apply(undefined, config(2), 'kubectl', false));
    expect(created.spec).toMatchObject({ replicas: 2 });
    expect(managers(created)).toEqual([['kubectl', 'Apply', '']]);
    const again = fm.apply(created, config(2), 'kubectl', false);
    expect(again).toEqual(created);
  });

  it('removes what the applier no longer specifies, unless another manager owns it', () => {
    const created = stored(fm.apply(undefined, config(2, { app: 'web', tier: 'fe', team: 'a' }), 'kubectl', false));
    const other = stored(fm.apply(created, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { team: 'a' } } }, 'other', false));
    const pruned = fm.apply(other, config(2), 'kubectl', false);
    expect(pruned.metadata?.labels).toEqual({ app: 'web', team: 'a' });
    // An apply that changes nothing records no time, and entries without one sort first.
    expect(managers(pruned)).toEqual([['other', 'Apply', ''], ['kubectl', 'Apply', '']]);
    expect((pruned.metadata?.managedFields as ManagedFieldsEntry[])[0]?.time).toBeUndefined();
  });

  it('conflicts with another manager that owns a field with a different value', () => {
    const created = stored(fm.apply(undefined, config(2), 'kubectl', false));
    const scaled = stored(fm.update(created, { ...structuredClone(created), spec: { ...(created.spec as object), replicas: 3 } }, 'kubectl-client-side-apply'));
    const err = conflictOf(() => fm.apply(scaled, config(2), 'kubectl', false));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    expect(err.toStatus().details).toEqual({
      causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }],
    });
    const forced = fm.apply(scaled, config(2), 'kubectl', true);
    expect(forced.spec).toMatchObject({ replicas: 2 });
    expect(managers(forced)).toEqual([['kubectl', 'Apply', '']]);
  });

  it('shares a field when the value agrees, and lists several conflicts per manager', () => {
    const created = stored(fm.apply(undefined, config(2), 'a', false));
    const shared = stored(fm.apply(created, config(2), 'b', false));
    expect(managers(shared)).toEqual([['b', 'Apply', ''], ['a', 'Apply', '']]);
    const err = conflictOf(() => fm.apply(shared, config(4, { app: 'other' }), 'c', false));
    expect(err.message).toBe(
      'Apply failed with 4 conflicts: conflicts with "a":\n- .metadata.labels.app\n- .spec.replicas\nconflicts with "b":\n- .metadata.labels.app\n- .spec.replicas',
    );
  });

  it('gives fields of an object nobody applied to before-first-apply', () => {
    const legacy: ApiObject = { ...config(3), metadata: { name: 'web', uid: 'u', labels: { app: 'web' } } };
    const err = conflictOf(() => fm.apply(legacy, config(2), 'kubectl', false));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it('lets kubectl take over fields client-side apply set, and rewrites the annotation', () => {
    const annotation = 'kubectl.kubernetes.io/last-applied-configuration';
    const csa = { ...config(2), metadata: { name: 'web', labels: { app: 'web' }, annotations: { [annotation]: `${JSON.stringify(config(2))}\n` } } };
    const live = stored(fm.update(undefined, csa, 'kubectl-client-side-apply'));
    const applied = fm.apply(live, config(5), 'kubectl', false);
    expect(applied.spec).toMatchObject({ replicas: 5 });
    expect(applied.metadata?.annotations?.[annotation]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":5,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"web"}]}}}}\n',
    );
    const other = conflictOf(() => fm.apply(live, config(5), 'helm', false));
    expect(other.message).toContain('conflict with "kubectl-client-side-apply" using apps/v1');
  });

  it('refuses configurations of another kind, with managedFields, or without list keys', () => {
    expect(() => fm.apply(undefined, { ...config(1), kind: 'ReplicaSet' }, 'k', false)).toThrow('invalid object type: apps/v1, Kind=ReplicaSet');
    expect(() => fm.apply(undefined, { ...config(1), metadata: { name: 'web', managedFields: [] } }, 'k', false)).toThrow(
      'metadata.managedFields must be nil',
    );
    const noName = { ...config(1), spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    const err = conflictOf(() => fm.apply(undefined, noName, 'k', false));
    expect(err.code).toBe(500);
    expect(err.message).toBe(
      'failed to create typed patch object (/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });
});
