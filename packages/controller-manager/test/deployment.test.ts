/**
 * A Deployment driven with the real kubectl against the in-process apiserver and the
 * controller-manager: created, rolled, scaled, rolled back, restarted and deleted.
 */
import type { Deployment, Pod, ReplicaSet } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, PODS, resource } from './helpers/kcm-cluster.js';

const DEPLOYMENTS = resource('apps', 'deployments');
const REPLICA_SETS = resource('apps', 'replicasets');

describe('Deployment with kubectl', () => {
  let c: KcmCluster;
  beforeAll(async () => {
    c = await KcmCluster.start();
    c.startControllerManager();
    await c.runFakeKubelets();
  });
  afterAll(() => c.stop());

  const rss = async (): Promise<ReplicaSet[]> =>
    (await c.client<ReplicaSet>(REPLICA_SETS, 'default').list({ labelSelector: 'app=web' })).items;
  const pods = async (): Promise<Pod[]> =>
    (await c.client<Pod>(PODS, 'default').list({ labelSelector: 'app=web' })).items;
  const rolloutStatus = () => c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);

  it('creates a ReplicaSet named after the pod-template-hash and completes the rollout', async () => {
    const create = await c.kubectl([
      'create',
      'deployment',
      'web',
      '--image=nginx:1.26',
      '--replicas=3',
    ]);
    expect(create.stderr).toBe('');
    const status = await rolloutStatus();
    expect(status.code).toBe(0);
    expect(status.stdout.trimEnd().split('\n').pop()).toBe(
      'deployment "web" successfully rolled out',
    );
    const [rs] = await rss();
    const hash = rs?.metadata?.labels?.['pod-template-hash'] ?? '';
    expect(rs?.metadata?.name).toBe(`web-${hash}`);
    expect(rs?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const ps = await pods();
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.metadata?.name?.startsWith(`web-${hash}-`))).toBe(true);
    const d = await c.client<Deployment>(DEPLOYMENTS, 'default').get('web');
    expect(d.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    const get = await c.kubectl(['get', 'deployment', 'web']);
    expect(get.stdout).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+3\/3\s+3\s+3\s+/,
    );
  });

  it('rolls out a new image and keeps the old ReplicaSet scaled to zero', async () => {
    const set = await c.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.27']);
    expect(set.stdout).toBe('deployment.apps/web image updated\n');
    expect((await rolloutStatus()).code).toBe(0);
    const list = await rss();
    expect(
      list
        .map((r) => [
          r.spec?.template?.spec?.containers[0]?.image,
          r.metadata?.annotations?.['deployment.kubernetes.io/revision'],
          r.spec?.replicas,
        ])
        .sort(),
    ).toEqual([
      ['nginx:1.26', '1', 0],
      ['nginx:1.27', '2', 3],
    ]);
    await c.waitFor('old pods gone', async () =>
      (await pods()).every(
        (p) => p.spec?.containers[0]?.image === 'nginx:1.27' || p.metadata?.deletionTimestamp,
      ),
    );
  });

  it('scales', async () => {
    expect((await c.kubectl(['scale', 'deployment', 'web', '--replicas=5'])).code).toBe(0);
    expect((await rolloutStatus()).code).toBe(0);
    const d = await c.client<Deployment>(DEPLOYMENTS, 'default').get('web');
    expect(d.status?.availableReplicas).toBe(5);
    await c.waitFor(
      '5 pods',
      async () => (await pods()).filter((p) => !p.metadata?.deletionTimestamp).length === 5,
    );
  });

  it('shows the history and rolls back to the previous revision', async () => {
    const history = await c.kubectl(['rollout', 'history', 'deployment/web']);
    expect(history.stdout).toMatch(
      /^deployment\.apps\/web \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n$/,
    );
    const undo = await c.kubectl(['rollout', 'undo', 'deployment/web']);
    expect(undo.stdout).toBe('deployment.apps/web rolled back\n');
    expect((await rolloutStatus()).code).toBe(0);
    const d = await c.client<Deployment>(DEPLOYMENTS, 'default').get('web');
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.26');
    const first = (await rss()).find(
      (r) => r.spec?.template?.spec?.containers[0]?.image === 'nginx:1.26',
    );
    expect(first?.metadata?.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(first?.spec?.replicas).toBe(5);
    const again = await c.kubectl(['rollout', 'history', 'deployment/web']);
    expect(again.stdout).toMatch(/\n2\s+<none>\n3\s+<none>\n/);
  });

  it('restarts with a new template annotation', async () => {
    const before = (await rss()).length;
    const restart = await c.kubectl(['rollout', 'restart', 'deployment/web']);
    expect(restart.stdout).toBe('deployment.apps/web restarted\n');
    expect((await rolloutStatus()).code).toBe(0);
    const list = await rss();
    expect(list).toHaveLength(before + 1);
    const newest = list.find(
      (r) => r.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '4',
    );
    expect(
      newest?.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBeDefined();
  });

  it('deletes the ReplicaSets and pods with the Deployment (background cascade)', async () => {
    const del = await c.kubectl(['delete', 'deployment', 'web']);
    expect(del.stdout).toBe('deployment.apps "web" deleted\n');
    await c.waitFor(
      'ReplicaSets and pods gone',
      async () => (await rss()).length === 0 && (await pods()).length === 0,
    );
  });

  it('waits for dependents with --cascade=foreground and keeps them with --cascade=orphan', async () => {
    await c.kubectl(['create', 'deployment', 'fg', '--image=nginx', '--replicas=2']);
    await c.kubectl(['create', 'deployment', 'orphan', '--image=nginx', '--replicas=2']);
    expect((await c.kubectl(['rollout', 'status', 'deployment/fg', '--timeout=60s'])).code).toBe(0);
    expect(
      (await c.kubectl(['rollout', 'status', 'deployment/orphan', '--timeout=60s'])).code,
    ).toBe(0);
    const fg = await c.kubectl(['delete', 'deployment', 'fg', '--cascade=foreground']);
    expect(fg.code).toBe(0);
    const left = (
      await c.client<ReplicaSet>(REPLICA_SETS, 'default').list({ labelSelector: 'app=fg' })
    ).items;
    expect(left).toEqual([]);
    const orphan = await c.kubectl(['delete', 'deployment', 'orphan', '--cascade=orphan']);
    expect(orphan.code).toBe(0);
    const kept = await c.waitFor('orphaned ReplicaSet', async () => {
      const items = (
        await c.client<ReplicaSet>(REPLICA_SETS, 'default').list({ labelSelector: 'app=orphan' })
      ).items;
      return items.length === 1 && !items[0]?.metadata?.ownerReferences ? items : undefined;
    });
    expect(kept[0]?.spec?.replicas).toBe(2);
  });
});
