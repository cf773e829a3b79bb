/**
 * Node failure with lab periods (--node-monitor-period=1s --node-monitor-grace-period=5s): a node
 * whose kubelet stops heartbeating goes Unknown and is tainted unreachable; its pods are marked
 * not ready; a pod tolerating the taint for 3 s is evicted, the mirror pod never is; heartbeats
 * resuming undo it all. With every node down the controller enters master disruption mode.
 */
import type { Event, Node, Pod } from '@kubelab/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcmCluster, NODES, PODS, resource, type RunningKcm } from './helpers/kcm-cluster.js';

const EVENTS = resource('', 'events');

describe('node lifecycle with short lab periods', () => {
  let c: KcmCluster;
  let kcm: RunningKcm;
  beforeAll(async () => {
    c = await KcmCluster.start();
    await c.addNode('node-1');
    await c.addNode('node-2');
    kcm = c.startControllerManager(['--node-monitor-period=1s', '--node-monitor-grace-period=5s']);
    await c.runFakeKubelets();
  });
  afterAll(() => c.stop());

  const node = (name: string): Promise<Node> => c.client<Node>(NODES).get(name);
  const taintKeys = async (name: string): Promise<string[]> =>
    ((await node(name)).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
  const pod = (name: string): Promise<Pod> => c.client<Pod>(PODS, 'default').get(name);
  const ready = (p: Pod): string | undefined =>
    p.status?.conditions?.find((x) => x.type === 'Ready')?.status;

  it('lifts the not-ready taint new nodes get once they report Ready', async () => {
    await c.waitFor(
      'no taints',
      async () =>
        (await taintKeys('node-1')).length === 0 && (await taintKeys('node-2')).length === 0,
    );
  });

  it('marks a silent node Unknown, taints it, and evicts only the pods that stop tolerating it', async () => {
    const nodeUid = (await node('node-1')).metadata?.uid ?? '';
    const pods = c.client<Pod>(PODS, 'default');
    await pods.create({
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'web', image: 'nginx' }],
        tolerations: [
          {
            key: 'node.kubernetes.io/unreachable',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 3,
          },
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 3,
          },
        ],
      },
    });
    await pods.create({
      metadata: {
        name: 'kube-proxy-node-1',
        namespace: 'default',
        annotations: {
          'kubernetes.io/config.mirror': 'abc',
          'kubernetes.io/config.source': 'file',
          'kubernetes.io/config.hash': 'abc',
        },
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: nodeUid, controller: true },
        ],
      },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'kube-proxy', image: 'kube-proxy' }],
        tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      },
    });
    await c.waitFor(
      'pods ready',
      async () =>
        ready(await pod('web')) === 'True' && ready(await pod('kube-proxy-node-1')) === 'True',
    );

    c.stopHeartbeat('node-1');
    const unknown = await c.waitFor('node-1 Unknown', async () => {
      const cond = (await node('node-1')).status?.conditions?.find((x) => x.type === 'Ready');
      return cond?.status === 'Unknown' ? cond : undefined;
    });
    expect(unknown).toMatchObject({
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    await c.waitFor(
      'unreachable taints',
      async () =>
        (await taintKeys('node-1')).join() ===
        'node.kubernetes.io/unreachable:NoExecute,node.kubernetes.io/unreachable:NoSchedule',
    );
    expect(ready(await pod('kube-proxy-node-1'))).toBe('False');
    const evicted = await c.waitFor('web evicted', async () => {
      const p = await pod('web').catch(() => undefined);
      return !p || p.metadata?.deletionTimestamp ? (p ?? ({} as Pod)) : undefined;
    });
    expect(evicted.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
    });
    expect((await pod('kube-proxy-node-1')).metadata?.deletionTimestamp).toBeUndefined();
    expect((await node('node-2')).status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe(
      'True',
    );
    const events = (await c.client<Event>(EVENTS, 'default').list()).items;
    expect(
      events.find((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Node')?.message,
    ).toBe('Node node-1 status is now: NodeNotReady');
    expect(events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message)).toEqual(
      ['Marking for deletion Pod default/web'],
    );
    const get = await c.kubectl(['get', 'nodes']);
    expect(get.stdout).toMatch(/node-1\s+NotReady\s/);
  });

  it('recovers when the kubelet posts status again', async () => {
    await c.postReady('node-1');
    c.resumeHeartbeat('node-1');
    await c.waitFor('taints lifted', async () => (await taintKeys('node-1')).length === 0);
    expect((await node('node-1')).status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe(
      'True',
    );
  });

  it('enters master disruption mode when every node is down, and leaves it when one returns', async () => {
    c.stopHeartbeat('node-1');
    c.stopHeartbeat('node-2');
    await c.waitFor('disruption mode', () =>
      kcm
        .stderr()
        .includes(
          '"Controller detected that all Nodes are not-Ready. Entering master disruption mode"',
        ),
    );
    await c.waitFor('only NoSchedule taints', async () => {
      const all = [...(await taintKeys('node-1')), ...(await taintKeys('node-2'))];
      return (
        all.length === 2 && all.every((t) => t === 'node.kubernetes.io/unreachable:NoSchedule')
      );
    });
    await c.postReady('node-2');
    c.resumeHeartbeat('node-2');
    await c.waitFor('disruption mode left', () =>
      kcm
        .stderr()
        .includes(
          '"Controller detected that some Nodes are Ready. Exiting master disruption mode"',
        ),
    );
  });
});
