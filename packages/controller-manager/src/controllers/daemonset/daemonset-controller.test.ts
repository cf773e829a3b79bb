import type { ControllerRevision, DaemonSet, Node, Pod } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROLLER_REVISIONS, DAEMON_SETS, NODES, PODS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { runFakeKubelet } from '../../testing/fake-kubelet.js';
import { waitFor } from '../../testing/wait-for.js';
import { computeHash } from '../../util/pod-template-hash/compute-hash.js';
import { targetNodeName } from './daemon-pod.js';
import { DaemonSetController } from './daemonset-controller.js';

const DS: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'kube-system', generation: 1 },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { containers: [{ name: 'a', image: 'agent:1' }] },
    },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    revisionHistoryLimit: 10,
  },
};

describe('DaemonSetController', () => {
  let h: ControllerHarness;
  let stop: AbortController;
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('runs one pinned pod per eligible node, keeps revisions and rolls a template change', async () => {
    h = new ControllerHarness();
    stop = new AbortController();
    await h.seed(NODES, {
      metadata: { name: 'cp', labels: {} },
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    } as Node);
    await h.seed(NODES, { metadata: { name: 'w1', labels: {} }, spec: {} } as Node);
    await h.seed(NODES, { metadata: { name: 'w2', labels: {} }, spec: {} } as Node);
    await h.seed(DAEMON_SETS, DS);
    const c = new DaemonSetController(h.context);
    runFakeKubelet(h.informers.informer<Pod>(PODS), h.clients);
    await h.start();
    void c.run(stop.signal);

    const status = (): NonNullable<DaemonSet['status']> | undefined =>
      h.clients.objects<DaemonSet>(DAEMON_SETS)[0]?.status;
    await waitFor(
      'two available daemon pods',
      () => status()?.numberAvailable === 2 && status()?.updatedNumberScheduled === 2,
    );
    expect(status()).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      numberUnavailable: 0,
      observedGeneration: 1,
    });
    const pods = h.clients.objects<Pod>(PODS);
    expect(pods.map(targetNodeName).sort()).toEqual(['w1', 'w2']);
    const hash1 = computeHash(DS.spec?.template ?? {});
    expect(
      pods.every(
        (p) =>
          p.metadata?.labels?.['controller-revision-hash'] === hash1 &&
          p.metadata.generateName === 'agent-',
      ),
    ).toBe(true);
    const [rev1] = h.clients.objects<ControllerRevision>(CONTROLLER_REVISIONS);
    expect(rev1?.metadata?.name).toBe(`agent-${hash1}`);
    expect(rev1?.revision).toBe(1);
    expect(
      (rev1?.data as { spec: { template: Record<string, unknown> } }).spec.template['$patch'],
    ).toBe('replace');

    const cur = h.clients.objects<DaemonSet>(DAEMON_SETS)[0] as DaemonSet;
    const next = structuredClone(cur);
    (next.spec?.template.spec?.containers[0] as { image: string }).image = 'agent:2';
    await h.clients.resource<DaemonSet>(DAEMON_SETS, 'kube-system').update(next);
    const hash2 = computeHash(next.spec?.template ?? {});
    await waitFor('rolled pods', () => {
      const ps = h.clients.objects<Pod>(PODS);
      return (
        ps.length === 2 &&
        ps.every((p) => p.metadata?.labels?.['controller-revision-hash'] === hash2) &&
        status()?.numberAvailable === 2 &&
        status()?.updatedNumberScheduled === 2
      );
    });
    const revs = h.clients
      .objects<ControllerRevision>(CONTROLLER_REVISIONS)
      .map((r) => [r.metadata?.name, r.revision]);
    expect(revs.sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [`agent-${hash1}`, 1],
      [`agent-${hash2}`, 2],
    ]);
  });
});
