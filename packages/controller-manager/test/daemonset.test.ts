/**
 * A DaemonSet across three nodes with the real kubectl: one pod per eligible node (a
 * control-plane taint keeps it off one until tolerated), pinned by node affinity, rolled.
 */
import type { ControllerRevision, DaemonSet, Pod } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, PODS, resource } from './helpers/kcm-cluster.js';

const DAEMON_SETS = resource('apps', 'daemonsets');
const REVISIONS = resource('apps', 'controllerrevisions');

const manifest = (image: string, tolerateControlPlane: boolean): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          containers: [{ name: 'agent', image }],
          ...(tolerateControlPlane
            ? {
                tolerations: [
                  {
                    key: 'node-role.kubernetes.io/control-plane',
                    operator: 'Exists',
                    effect: 'NoSchedule',
                  },
                ],
              }
            : {}),
        },
      },
    },
  });

describe('DaemonSet across nodes', () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
    await c.addNode('control-plane', {
      labels: { 'node-role.kubernetes.io/control-plane': '' },
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    });
    await c.addNode('worker-1');
    await c.addNode('worker-2');
    c.startControllerManager();
    await c.runFakeKubelets();
  });
  afterAll(() => c.stop());

  const pods = async (): Promise<Pod[]> =>
    (await c.client<Pod>(PODS, 'kube-system').list({ labelSelector: 'app=agent' })).items.filter(
      (p) => !p.metadata?.deletionTimestamp,
    );
  const pinnedTo = (p: Pod): string | undefined =>
    p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
  const status = async () =>
    (await c.client<DaemonSet>(DAEMON_SETS, 'kube-system').get('agent')).status;

  it('runs one pinned pod on each node the DaemonSet tolerates', async () => {
    expect((await c.kubectl(['apply', '-f', '-'], manifest('agent:1', false))).code).toBe(0);
    const rollout = await c.kubectl([
      'rollout',
      'status',
      'daemonset/agent',
      '-n',
      'kube-system',
      '--timeout=60s',
    ]);
    expect(rollout.stdout.trimEnd().split('\n').pop()).toBe(
      'daemon set "agent" successfully rolled out',
    );
    const ps = await pods();
    expect(ps.map(pinnedTo).sort()).toEqual(['worker-1', 'worker-2']);
    expect(ps[0]?.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual(
      expect.arrayContaining([
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ]),
    );
    expect(await status()).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      numberAvailable: 2,
      updatedNumberScheduled: 2,
      numberMisscheduled: 0,
    });
  });

  it('adds the control-plane node once the taint is tolerated, and rolls the pods', async () => {
    expect((await c.kubectl(['apply', '-f', '-'], manifest('agent:2', true))).code).toBe(0);
    const rollout = await c.kubectl([
      'rollout',
      'status',
      'daemonset/agent',
      '-n',
      'kube-system',
      '--timeout=60s',
    ]);
    expect(rollout.code).toBe(0);
    await c.waitFor('three updated pods', async () => {
      const ps = await pods();
      return ps.length === 3 && ps.every((p) => p.spec?.containers[0]?.image === 'agent:2');
    });
    expect((await pods()).map(pinnedTo).sort()).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(await status()).toMatchObject({
      desiredNumberScheduled: 3,
      numberAvailable: 3,
      updatedNumberScheduled: 3,
    });
    const revs = (await c.client<ControllerRevision>(REVISIONS, 'kube-system').list()).items;
    expect(revs.map((r) => r.revision).sort()).toEqual([1, 2]);
    const history = await c.kubectl(['rollout', 'history', 'daemonset/agent', '-n', 'kube-system']);
    expect(history.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/);
  });
});
