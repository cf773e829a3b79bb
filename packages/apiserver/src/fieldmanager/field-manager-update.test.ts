import type { ApiObject, Clock } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { FieldManager } from './field-manager.js';
import type { ManagedFieldsEntry } from './managed-fields.js';
import { FieldSet } from './field-set.js';
import { makePath } from './path-element.js';

function clockAt(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso);
  return { now: () => now, sleep: () => Promise.resolve(), set: (t) => void (now = Date.parse(t)) };
}

const deployments = (clock: Clock) =>
  new FieldManager({ gvk: { group: 'apps', version: 'v1', kind: 'Deployment' }, subresource: '', resetFields: FieldSet.of(makePath('status')), clock });

/** What `kubectl create deployment web --image=nginx` sends, as decoding defaults it. */
function createdDeployment(): ApiObject {
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } } as unknown as ApiObject['metadata'],
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' }],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

const entries = (o: ApiObject) => o.metadata?.managedFields as ManagedFieldsEntry[] | undefined;

describe('FieldManager.update', () => {
  it('records a create as upstream does (kubectl create deployment)', () => {
    const out = deployments(clockAt('2024-05-01T10:00:00Z')).update(undefined, createdDeployment(), 'kubectl-create');
    expect(entries(out)).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:progressDeadlineSeconds': {},
            'f:replicas': {},
            'f:revisionHistoryLimit': {},
            'f:selector': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:imagePullPolicy': {},
                    'f:name': {},
                    'f:resources': {},
                    'f:terminationMessagePath': {},
                    'f:terminationMessagePolicy': {},
                  },
                },
                'f:dnsPolicy': {},
                'f:restartPolicy': {},
                'f:schedulerName': {},
                'f:securityContext': {},
                'f:terminationGracePeriodSeconds': {},
              },
            },
          },
        },
      },
    ]);
  });

  it('moves changed fields to the writer and keeps a writer that changed nothing out', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const fm = deployments(clock);
    const live = fm.update(undefined, createdDeployment(), 'kubectl-create');
    live.metadata = { ...live.metadata, uid: 'u1' };
    clock.set('2024-05-01T11:00:00Z');
    const edited = structuredClone(live) as ApiObject & { spec: { replicas: number } };
    edited.spec.replicas = 3;
    const out = fm.update(live, edited, 'kubectl-edit');
    const list = entries(out) ?? [];
    expect(list.map((e) => [e.manager, e.time])).toEqual([
      ['kubectl-create', '2024-05-01T10:00:00Z'],
      ['kubectl-edit', '2024-05-01T11:00:00Z'],
    ]);
    expect(list[1]?.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(list[0]?.fieldsV1)).not.toContain('f:replicas');

    clock.set('2024-05-01T12:00:00Z');
    const again = fm.update(out, structuredClone(out), 'kubectl-label');
    expect(entries(again)).toEqual(list);
  });

  it('merges repeated updates of one manager and keeps status out of the main resource', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const fm = deployments(clock);
    const base: ApiObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', uid: 'u', labels: { a: '1' } } };
    base.metadata = { ...base.metadata, managedFields: fm.update(undefined, base, 'm').metadata?.managedFields };
    const step1 = fm.update(base, { ...base, metadata: { ...base.metadata, labels: { a: '1', b: '2' } }, status: { replicas: 4 } }, 'm');
    expect(entries(step1)?.map((e) => e.fieldsV1)).toEqual([{ 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {}, 'f:b': {} } } }]);
  });

  it('does not start tracking an existing object that has no managedFields', () => {
    const fm = deployments(clockAt('2024-05-01T10:00:00Z'));
    const live: ApiObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', uid: 'u' }, spec: { replicas: 1 } };
    expect(entries(fm.update(live, { ...live, spec: { replicas: 2 } }, 'm'))).toBeUndefined();
  });

  it('clears managedFields when the writer sends an empty list', () => {
    const fm = deployments(clockAt('2024-05-01T10:00:00Z'));
    const live = fm.update(undefined, createdDeployment(), 'kubectl-create');
    live.metadata = { ...live.metadata, uid: 'u' };
    const cleared = fm.update(live, { ...structuredClone(live), metadata: { ...live.metadata, managedFields: [] } }, 'x');
    expect(entries(cleared)).toBeUndefined();
  });

  it('keeps at most ten update managers, merging the oldest into ancient-changes', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const fm = deployments(clock);
    let obj: ApiObject = fm.update(undefined, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { l0: 'x' } } }, 'm0');
    obj.metadata = { ...obj.metadata, uid: 'u' };
    for (let i = 1; i <= 11; i++) {
      clock.set(`2024-05-01T10:${String(i).padStart(2, '0')}:00Z`);
      obj = fm.update(obj, { ...obj, metadata: { ...obj.metadata, labels: { ...obj.metadata?.labels, [`l${i}`]: 'x' } } }, `m${i}`);
    }
    const list = entries(obj) ?? [];
    expect(list).toHaveLength(10);
    expect(list.map((e) => e.manager)).toEqual(['ancient-changes', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11']);
    expect(list[0]?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:l0': {}, 'f:l1': {}, 'f:l2': {} } } });
  });

  it('records the subresource and never gives a status writer the spec', () => {
    const fm = new FieldManager({
      gvk: { group: 'apps', version: 'v1', kind: 'Deployment' },
      subresource: 'status',
      resetFields: FieldSet.of(makePath('spec'), makePath('metadata', 'labels')),
      clock: clockAt('2024-05-01T10:00:00Z'),
    });
    const live: ApiObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', uid: 'u', managedFields: [{ manager: 'x', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } }] as never }, spec: { replicas: 1 } };
    const out = fm.update(live, { ...structuredClone(live), spec: { replicas: 5 }, status: { replicas: 1 } }, 'kube-controller-manager');
    expect(entries(out)?.[1]).toMatchObject({
      manager: 'kube-controller-manager',
      operation: 'Update',
      subresource: 'status',
      fieldsV1: { 'f:status': { '.': {}, 'f:replicas': {} } },
    });
  });
});
