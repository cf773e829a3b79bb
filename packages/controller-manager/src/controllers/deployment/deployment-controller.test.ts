import type { Deployment, Pod, ReplicaSet } from '@kubelab/api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPLOYMENTS, PODS, REPLICA_SETS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { runFakeKubelet } from '../../testing/fake-kubelet.js';
import { waitFor } from '../../testing/wait-for.js';
import { ReplicaSetController } from '../replicaset/replica-set-controller.js';
import { DeploymentController } from './deployment-controller.js';

function deployment(
  image: string,
  strategy: Deployment['spec'] extends infer S
    ? S extends { strategy?: infer T }
      ? T
      : never
    : never,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation: 1 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image,
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          terminationGracePeriodSeconds: 30,
          securityContext: {},
        },
      },
      strategy,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
}

describe('DeploymentController with the ReplicaSet controller', () => {
  let h: ControllerHarness;
  let stop: AbortController;
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  async function start(d: Deployment): Promise<void> {
    h = new ControllerHarness();
    stop = new AbortController();
    await h.seed(DEPLOYMENTS, d);
    const dc = new DeploymentController(h.context);
    const rsc = new ReplicaSetController(h.context);
    runFakeKubelet(h.informers.informer<Pod>(PODS), h.clients);
    await h.start();
    void dc.run(stop.signal);
    void rsc.run(stop.signal);
  }

  const current = (): Deployment => h.clients.objects<Deployment>(DEPLOYMENTS)[0] as Deployment;
  const complete = (d: Deployment): boolean =>
    d.status?.updatedReplicas === 3 &&
    d.status.availableReplicas === 3 &&
    d.status.replicas === 3 &&
    d.status.conditions?.find((c) => c.type === 'Progressing')?.reason === 'NewReplicaSetAvailable';

  it('creates <name>-<hash> with revision 1 and reports a complete rollout', async () => {
    await start(
      deployment('nginx:1.26', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      }),
    );
    await waitFor('rollout to complete', () => complete(current()));
    const [rs] = h.clients.objects<ReplicaSet>(REPLICA_SETS);
    const hash = rs?.metadata?.labels?.['pod-template-hash'] ?? '';
    expect(rs?.metadata?.name).toBe(`web-${hash}`);
    expect(rs?.spec?.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs?.metadata?.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs?.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
      blockOwnerDeletion: true,
    });
    expect(h.events.find((e) => e.reason === 'ScalingReplicaSet')?.message).toBe(
      `Scaled up replica set web-${hash} from 0 to 3`,
    );
    expect(current().status?.conditions?.find((c) => c.type === 'Available')?.reason).toBe(
      'MinimumReplicasAvailable',
    );
  });

  it('rolls a template change to a second ReplicaSet and scales the first to zero', async () => {
    await start(
      deployment('nginx:1.26', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
      }),
    );
    await waitFor('first rollout', () => complete(current()));
    const d = current();
    d.spec!.template!.spec!.containers[0]!.image = 'nginx:1.27'; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    await h.clients.resource<Deployment>(DEPLOYMENTS, 'default').update(d);
    await waitFor('second rollout', () => {
      const rss = h.clients.objects<ReplicaSet>(REPLICA_SETS);
      return (
        rss.length === 2 &&
        complete(current()) &&
        rss.some((r) => r.spec?.replicas === 0 && r.status?.replicas === 0)
      );
    });
    const rss = h.clients.objects<ReplicaSet>(REPLICA_SETS);
    const revisions = rss.map((r) => [
      r.spec?.template?.spec?.containers[0]?.image,
      r.metadata?.annotations?.['deployment.kubernetes.io/revision'],
      r.spec?.replicas,
    ]);
    expect(revisions.sort()).toEqual([
      ['nginx:1.26', '1', 0],
      ['nginx:1.27', '2', 3],
    ]);
    // maxUnavailable 0: never fewer than 3 ready pods; the events show the one-by-one hand-over.
    const scaling = h.events
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message.replace(/web-\w+/, 'RS'));
    expect(scaling.slice(0, 2)).toEqual([
      'Scaled up replica set RS from 0 to 3',
      'Scaled up replica set RS from 0 to 1',
    ]);
    expect(scaling).toEqual([
      'Scaled up replica set RS from 0 to 3',
      'Scaled up replica set RS from 0 to 1',
      'Scaled down replica set RS from 3 to 2',
      'Scaled up replica set RS from 1 to 2',
      'Scaled down replica set RS from 2 to 1',
      'Scaled up replica set RS from 2 to 3',
      'Scaled down replica set RS from 1 to 0',
    ]);
  });

  it('scales all old pods down before creating the new ReplicaSet with Recreate', async () => {
    await start(deployment('nginx:1.26', { type: 'Recreate' }));
    await waitFor('first rollout', () => complete(current()));
    const d = current();
    d.spec!.template!.spec!.containers[0]!.image = 'nginx:1.27'; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    await h.clients.resource<Deployment>(DEPLOYMENTS, 'default').update(d);
    await waitFor(
      'second rollout',
      () => h.clients.objects<ReplicaSet>(REPLICA_SETS).length === 2 && complete(current()),
    );
    const scaling = h.events
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message.replace(/web-\w+/, 'RS'));
    expect(scaling).toEqual([
      'Scaled up replica set RS from 0 to 3',
      'Scaled down replica set RS from 3 to 0',
      'Scaled up replica set RS from 0 to 3',
    ]);
  });
});
