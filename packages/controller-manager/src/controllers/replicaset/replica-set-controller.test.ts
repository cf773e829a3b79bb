import type { Pod, ReplicaSet } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { PODS, REPLICA_SETS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { ReplicaSetController } from './replica-set-controller.js';

function replicaSet(replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  };
}

function ready(pod: Pod): Pod {
  return {
    ...pod,
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }],
    },
  };
}

describe('ReplicaSetController', () => {
  let h: ControllerHarness;
  afterEach(() => h.stop());

  it('creates the missing pods with the controller reference and generateName', async () => {
    h = new ControllerHarness();
    const rs = await h.seed(REPLICA_SETS, replicaSet(3));
    const c = new ReplicaSetController(h.context);
    await h.start();
    await c.syncReplicaSet('default/web');
    const pods = h.clients.objects<Pod>(PODS);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata?.generateName).toBe('web-');
      expect(p.metadata?.labels).toEqual({ app: 'web' });
      expect(p.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata?.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(h.events.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
    expect(h.events[0]?.message).toMatch(/^Created pod: web-/);
    // Whether or not the informer has seen the creations yet, a second sync creates nothing more.
    await c.syncReplicaSet('default/web');
    expect(h.clients.objects<Pod>(PODS)).toHaveLength(3);
  });

  it('reports status counts and observedGeneration', async () => {
    h = new ControllerHarness();
    await h.seed(REPLICA_SETS, replicaSet(2));
    const c = new ReplicaSetController(h.context);
    await h.start();
    await c.syncReplicaSet('default/web');
    await h.settle(PODS);
    const [first] = h.clients.objects<Pod>(PODS);
    await h.clients.resource<Pod>(PODS, 'default').updateStatus(ready(first as Pod));
    await h.settle(PODS, REPLICA_SETS);
    await c.syncReplicaSet('default/web');
    const [stored] = h.clients.objects<ReplicaSet>(REPLICA_SETS);
    expect(stored?.status).toMatchObject({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    });
  });

  it('deletes not-ready pods before ready ones when scaling down', async () => {
    h = new ControllerHarness();
    await h.seed(REPLICA_SETS, replicaSet(3));
    const c = new ReplicaSetController(h.context);
    await h.start();
    await c.syncReplicaSet('default/web');
    await h.settle(PODS);
    const rs = await h.clients.resource<ReplicaSet>(REPLICA_SETS, 'default').get('web');
    const pods = h.clients.objects<Pod>(PODS);
    await h.clients.resource<Pod>(PODS, 'default').updateStatus(ready(pods[0] as Pod));
    await h.clients
      .resource<ReplicaSet>(REPLICA_SETS, 'default')
      .update({ ...rs, spec: { ...rs.spec, replicas: 1 } as ReplicaSet['spec'] });
    await h.settle(PODS, REPLICA_SETS);
    await c.syncReplicaSet('default/web');
    const left = h.clients.objects<Pod>(PODS);
    expect(left.map((p) => p.metadata?.name)).toEqual([pods[0]?.metadata?.name]);
    expect(h.events.filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(2);
  });

  it('adopts matching orphans and releases pods whose labels no longer match', async () => {
    h = new ControllerHarness();
    const rs = await h.seed(REPLICA_SETS, replicaSet(1));
    await h.seed(PODS, {
      metadata: { name: 'orphan', namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [] },
    } as Pod);
    const c = new ReplicaSetController(h.context);
    await h.start();
    await c.syncReplicaSet('default/web');
    const adopted = h.clients.objects<Pod>(PODS);
    expect(adopted).toHaveLength(1);
    expect(adopted[0]?.metadata?.ownerReferences?.[0]?.uid).toBe(rs.metadata?.uid);

    await h.clients
      .resource<Pod>(PODS, 'default')
      .update({
        ...(adopted[0] as Pod),
        metadata: { ...adopted[0]?.metadata, labels: { app: 'other' } },
      });
    await h.settle(PODS);
    await c.syncReplicaSet('default/web');
    const released = h.clients.objects<Pod>(PODS).find((p) => p.metadata?.name === 'orphan');
    expect(released?.metadata?.ownerReferences).toBeUndefined();
    expect(h.clients.objects<Pod>(PODS)).toHaveLength(2);
  });

  it('records a ReplicaFailure condition when pods cannot be created', async () => {
    h = new ControllerHarness();
    await h.seed(REPLICA_SETS, replicaSet(1));
    const c = new ReplicaSetController(h.context);
    await h.start();
    const { forbidden } = await import('@kubelab/api');
    h.clients
      .fake(PODS)
      .store.failNext('create', forbidden({ group: '', resource: 'pods' }, '', 'exceeded quota'));
    await expect(c.syncReplicaSet('default/web')).rejects.toThrow('exceeded quota');
    const [stored] = h.clients.objects<ReplicaSet>(REPLICA_SETS);
    expect(stored?.status?.conditions?.[0]).toMatchObject({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message: 'pods is forbidden: exceeded quota',
    });
    expect(h.events.find((e) => e.reason === 'FailedCreate')?.message).toBe(
      'Error creating: pods is forbidden: exceeded quota',
    );
  });
});
