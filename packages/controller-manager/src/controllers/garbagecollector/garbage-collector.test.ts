import { noopLogger, type Pod, type ReplicaSet } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { PODS, REPLICA_SETS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { waitFor } from '../../testing/wait-for.js';
import { collectableResources, GarbageCollector } from './garbage-collector.js';

describe('GarbageCollector', () => {
  let running: ControllerHarness | undefined;
  let stop: AbortController | undefined;
  afterEach(() => {
    stop?.abort();
    running?.stop();
  });

  async function start(): Promise<ControllerHarness> {
    const h = new ControllerHarness({ logger: noopLogger });
    running = h;
    stop = new AbortController();
    const gc = new GarbageCollector(h.context, { workers: 2 });
    await h.start();
    void gc.run(stop.signal);
    return h;
  }

  it('watches every listable, deletable resource but events', () => {
    const names = collectableResources().map((r) => r.plural);
    expect(names).toContain('pods');
    expect(names).toContain('deployments');
    expect(names).toContain('leases');
    expect(names).not.toContain('events');
    expect(names).not.toContain('bindings');
  });

  it('deletes dependents once their only owner is gone (background)', async () => {
    const h = await start();
    const rs = await h.seed(REPLICA_SETS, {
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: {} },
    } as ReplicaSet);
    const owner = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web',
      uid: rs.metadata?.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    };
    await h.seed(PODS, {
      metadata: { name: 'web-1', namespace: 'default', ownerReferences: [owner] },
      spec: { containers: [] },
    } as Pod);
    await h.seed(PODS, {
      metadata: { name: 'alone', namespace: 'default' },
      spec: { containers: [] },
    } as Pod);
    await h.settle(PODS, REPLICA_SETS);
    await h.clients.resource(REPLICA_SETS, 'default').delete('web');
    await waitFor('dependent deleted', () =>
      h.clients.objects<Pod>(PODS).every((p) => p.metadata?.name !== 'web-1'),
    );
    expect(h.clients.objects<Pod>(PODS).map((p) => p.metadata?.name)).toEqual(['alone']);
    expect(h.clients.fake(PODS).store.calls.find((c) => c.op === 'delete')?.options).toMatchObject({
      name: 'web-1',
      propagationPolicy: 'Background',
      preconditions: { uid: expect.any(String) as string },
    });
  });

  it('drops references to a vanished owner when another owner remains', async () => {
    const h = await start();
    const rs = await h.seed(REPLICA_SETS, {
      metadata: { name: 'keep', namespace: 'default' },
      spec: { selector: {} },
    } as ReplicaSet);
    const keep = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'keep',
      uid: rs.metadata?.uid ?? '',
    };
    const gone = { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'no-such-uid' };
    await h.seed(PODS, {
      metadata: { name: 'shared', namespace: 'default', ownerReferences: [keep, gone] },
      spec: { containers: [] },
    } as Pod);
    await waitFor(
      'dangling reference removed',
      () => h.clients.objects<Pod>(PODS)[0]?.metadata?.ownerReferences?.length === 1,
    );
    expect(h.clients.objects<Pod>(PODS)[0]?.metadata?.ownerReferences).toEqual([keep]);
  });
});
