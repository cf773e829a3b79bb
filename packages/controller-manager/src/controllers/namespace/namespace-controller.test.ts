import { rfc3339, type ConfigMap, type Namespace, type Pod } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { findResource } from '@kubelab/api';
import { NAMESPACES, PODS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import {
  NamespaceController,
  namespacedDeletableResources,
  ResourcesRemainingError,
} from './namespace-controller.js';

const CONFIGMAPS = findResource('', 'v1', 'configmaps');

describe('NamespaceController', () => {
  let h: ControllerHarness | undefined;
  afterEach(() => h?.stop());

  async function terminating(
    deletedAgoMs: number,
  ): Promise<{ c: NamespaceController; h: ControllerHarness }> {
    const harness = new ControllerHarness();
    h = harness;
    await harness.seed(NAMESPACES, {
      metadata: { name: 'team', deletionTimestamp: rfc3339(Date.now() - deletedAgoMs) },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    } as Namespace);
    await harness.seed(
      CONFIGMAPS as never,
      { metadata: { name: 'cfg', namespace: 'team' }, data: {} } as ConfigMap,
    );
    await harness.seed(PODS, {
      metadata: { name: 'p', namespace: 'team' },
      spec: { containers: [], terminationGracePeriodSeconds: 30 },
    } as Pod);
    await harness.seed(PODS, {
      metadata: { name: 'other', namespace: 'default' },
      spec: { containers: [] },
    } as Pod);
    const c = new NamespaceController(harness.context);
    await harness.start();
    return { c, h: harness };
  }

  it('empties every namespaced resource it can list and delete', () => {
    const names = namespacedDeletableResources().map((r) => r.plural);
    expect(names).toEqual(
      expect.arrayContaining([
        'pods',
        'configmaps',
        'deployments',
        'replicasets',
        'serviceaccounts',
        'leases',
        'events',
      ]),
    );
    expect(names).not.toContain('namespaces');
    expect(names).not.toContain('nodes');
  });

  it('deletes the content, then finalizes the namespace', async () => {
    const { c, h } = await terminating(60_000);
    await c.syncNamespace('team');
    expect(h.clients.objects<Pod>(PODS).map((p) => p.metadata?.name)).toEqual(['other']);
    expect(h.clients.objects(CONFIGMAPS as never)).toEqual([]);
    expect(h.clients.objects<Namespace>(NAMESPACES)).toEqual([]);
  });

  it('waits for pods to terminate gracefully before finalizing', async () => {
    const { c, h } = await terminating(0);
    await expect(c.syncNamespace('team')).rejects.toBeInstanceOf(ResourcesRemainingError);
    const [ns] = h.clients.objects<Namespace>(NAMESPACES);
    expect(ns?.status?.phase).toBe('Terminating');
    expect(ns?.spec?.finalizers).toEqual(['kubernetes']);
    expect(ns?.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers'],
    ]);
  });

  it('reports what could not be deleted', async () => {
    const { c, h } = await terminating(60_000);
    const { forbidden } = await import('@kubelab/api');
    h.clients
      .fake(PODS)
      .store.failNext('delete', forbidden({ group: '', resource: 'pods' }, 'p', 'no'));
    await expect(c.syncNamespace('team')).rejects.toThrow('pods "p" is forbidden: no');
    const failure = h.clients
      .objects<Namespace>(NAMESPACES)[0]
      ?.status?.conditions?.find((x) => x.type === 'NamespaceDeletionContentFailure');
    expect(failure).toMatchObject({
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: 'Failed to delete all resource types, 1 remaining: pods "p" is forbidden: no',
    });
  });
});
