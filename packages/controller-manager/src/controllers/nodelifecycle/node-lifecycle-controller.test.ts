import { rfc3339, type Node, type Pod } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { NODES, PODS } from '../../framework/resources.js';
import { ControllerHarness } from '../../testing/controller-harness.js';
import { readyStatus } from '../../testing/fake-kubelet.js';
import { waitFor } from '../../testing/wait-for.js';
import { TaintEvictionController } from '../tainteviction/taint-eviction-controller.js';
import { NodeLifecycleController } from './node-lifecycle-controller.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function readyNode(name: string, heartbeatMs: number): Node {
  const hb = rfc3339(heartbeatMs);
  return {
    metadata: { name, labels: {}, creationTimestamp: rfc3339(T0 - 60_000) },
    spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: hb,
          lastTransitionTime: rfc3339(T0 - 60_000),
        },
      ],
    },
  };
}

function pod(
  name: string,
  node: string,
  tolerations: NonNullable<Pod['spec']>['tolerations'],
  annotations?: Record<string, string>,
): Pod {
  return {
    metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'i' }], tolerations },
    status: readyStatus(T0 - 30_000),
  };
}

describe('NodeLifecycleController with the taint eviction controller', () => {
  let h: ControllerHarness;
  const stop = new AbortController();
  afterEach(() => {
    stop.abort();
    h.stop();
  });

  it('marks a silent node Unknown, taints it, marks its pods not ready and evicts non-tolerating pods only', async () => {
    const clock = new FakeClock(T0);
    h = new ControllerHarness({ clock });
    await h.seed(NODES, readyNode('w1', T0));
    await h.seed(NODES, readyNode('w2', T0));
    await h.seed(
      PODS,
      pod('web', 'w1', [
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 10,
        },
      ]),
    );
    await h.seed(
      PODS,
      pod('kube-proxy-w1', 'w1', [{ operator: 'Exists', effect: 'NoExecute' }], {
        'kubernetes.io/config.mirror': 'abc',
      }),
    );
    const nlc = new NodeLifecycleController(h.context, { nodeMonitorGracePeriodMs: 5_000 });
    const tec = new TaintEvictionController(h.context);
    await h.start();
    void nlc.run(stop.signal);
    void tec.run(stop.signal);
    const node = (name: string): Node =>
      h.clients.objects<Node>(NODES).find((n) => n.metadata?.name === name) as Node;
    // The NoSchedule not-ready taint TaintNodesByCondition put on new nodes goes once they are Ready.
    await waitFor('not-ready taint removed', () => (node('w1').spec?.taints ?? []).length === 0);

    // w2 keeps heartbeating; w1 falls silent.
    clock.advance(6_000);
    await h.clients.resource<Node>(NODES).updateStatus(readyNode('w2', T0 + 6_000));
    await h.settle(NODES);
    await nlc.monitorNodeHealth();
    const ready = node('w1').status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node('w2').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(
      h.events.find((e) => e.reason === 'NodeNotReady' && e.ref.kind === 'Node')?.message,
    ).toBe('Node w1 status is now: NodeNotReady');
    const podReady = (name: string) =>
      h.clients
        .objects<Pod>(PODS)
        .find((p) => p.metadata?.name === name)
        ?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect(podReady('web')).toBe('False');
    expect(podReady('kube-proxy-w1')).toBe('False');

    await h.settle(NODES);
    await nlc.monitorNodeHealth();
    await nlc.tainter.doNoExecuteTaintingPass();
    await waitFor('unreachable taints', () => {
      const keys = (node('w1').spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
      return (
        keys.join(',') ===
        'node.kubernetes.io/unreachable:NoExecute,node.kubernetes.io/unreachable:NoSchedule'
      );
    });

    // tolerationSeconds 10: the web pod goes after 10 s; the mirror pod stays.
    await h.settle(NODES, PODS);
    clock.advance(10_000);
    await waitFor('web evicted', () =>
      h.clients.objects<Pod>(PODS).every((p) => p.metadata?.name !== 'web'),
    );
    expect(h.clients.objects<Pod>(PODS).map((p) => p.metadata?.name)).toEqual(['kube-proxy-w1']);
    expect(
      h.events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message),
    ).toEqual(['Marking for deletion Pod default/web']);
  });

  it('enters master disruption mode when every node is down, and takes the NoExecute taints off', async () => {
    const clock = new FakeClock(T0);
    h = new ControllerHarness({ clock });
    const node = {
      ...readyNode('w1', T0),
      spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] },
    } as Node;
    await h.seed(NODES, node);
    const nlc = new NodeLifecycleController(h.context, { nodeMonitorGracePeriodMs: 5_000 });
    await h.start();
    await nlc.monitorNodeHealth();
    clock.advance(6_000);
    await nlc.monitorNodeHealth();
    await h.settle(NODES);
    await nlc.monitorNodeHealth();
    expect(nlc.zoneStates.get('')).toBe('FullDisruption');
    const taints = h.clients.objects<Node>(NODES)[0]?.spec?.taints ?? [];
    expect(taints.some((t) => t.effect === 'NoExecute')).toBe(false);
  });
});
