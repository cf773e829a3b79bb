import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@kubelab/api';
import { makeNode, makePod } from './testing/builders.js';
import { SchedulerHarness } from './testing/scheduler-harness.js';

const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
let h: SchedulerHarness;
afterEach(async () => {
  await h.stop();
});

describe('Scheduler', () => {
  it('binds pods and records Scheduled events', async () => {
    h = new SchedulerHarness();
    for (const n of ['n1', 'n2', 'n3']) h.addNode(makeNode(n));
    for (let i = 0; i < 6; i++) h.addPod(makePod(`p${i}`, { cpu: '100m' }));
    h.start();
    await vi.waitFor(() => expect(h.client.bindings).toHaveLength(6));
    // LeastAllocated + BalancedAllocation spread equal pods evenly.
    const perNode = new Map<string, number>();
    for (const b of h.client.bindings) perNode.set(b.node, (perNode.get(b.node) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
    const ev = h.recorder.events.find((e) => e.object === 'default/p0');
    expect(ev).toEqual({ object: 'default/p0', type: 'Normal', reason: 'Scheduled', message: `Successfully assigned default/p0 to ${h.boundTo('default/p0') ?? ''}` });
  });

  it('ignores pods for other schedulers and pods already bound', async () => {
    h = new SchedulerHarness();
    h.addNode(makeNode('n1'));
    h.addPod(makePod('other', { spec: { schedulerName: 'my-scheduler', containers: [] } }));
    h.addPod(makePod('pinned', { nodeName: 'n1' }));
    h.addPod(makePod('mine'));
    h.start();
    await vi.waitFor(() => expect(h.client.bindings).toHaveLength(1));
    expect(h.client.bindings[0]?.pod).toBe('default/mine');
    expect(h.scheduler.queue.pending()).toEqual({ active: 0, backoff: 0, unschedulable: 0, inFlight: 0 });
  });

  it('reports why a pod fits nowhere, as upstream words it, and sets PodScheduled=False', async () => {
    h = new SchedulerHarness();
    h.addNode(makeNode('cp', { cpu: '8', taints: [controlPlane] }));
    h.addNode(makeNode('w1', { cpu: '2' }));
    h.addNode(makeNode('w2', { cpu: '2' }));
    h.addPod(makePod('big', { cpu: '3' }));
    h.start();
    await vi.waitFor(() => expect(h.client.statusPatches).toHaveLength(1));
    // The preemption summary ends with a period and the separator adds one: upstream prints "..".
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';
    expect(h.recorder.events).toEqual([{ object: 'default/big', type: 'Warning', reason: 'FailedScheduling', message: msg }]);
    expect(h.client.statusPatches[0]?.patch.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg, lastTransitionTime: '2026-01-01T00:00:00Z' },
    ]);
    expect(h.scheduler.queue.whereIs('default/big')).toBe('unschedulable');

    // A node with room moves the pod back; once its 1 s backoff has passed it is bound.
    h.addNode(makeNode('w3', { cpu: '4' }));
    expect(h.scheduler.queue.whereIs('default/big')).toBe('backoff');
    h.clock.advance(1_000);
    await vi.waitFor(() => expect(h.boundTo('default/big')).toBe('w3'));
  });

  it('says "no nodes available" without nodes and retries with backoff', async () => {
    h = new SchedulerHarness();
    h.addPod(makePod('p'));
    h.start();
    await vi.waitFor(() => expect(h.recorder.events.map((e) => e.message)).toEqual(['no nodes available to schedule pods']));
    expect(h.scheduler.queue.whereIs('default/p')).toBe('backoff');
  });

  it('places a burst consistently before any binding is confirmed (assumed pods)', async () => {
    h = new SchedulerHarness();
    h.reportBindings = false;
    for (let i = 0; i < 10; i++) h.addNode(makeNode(`n${i}`, { cpu: '1' }));
    for (let i = 0; i < 120; i++) h.addPod(makePod(`p${i}`, { cpu: '100m' }));
    h.start();
    await vi.waitFor(() => expect(h.client.bindings.length + h.client.statusPatches.length).toBe(120));
    const perNode = new Map<string, number>();
    for (const b of h.client.bindings) perNode.set(b.node, (perNode.get(b.node) ?? 0) + 1);
    expect(h.client.bindings).toHaveLength(100);
    expect([...perNode.values()].every((n) => n === 10)).toBe(true);
    expect(h.client.statusPatches).toHaveLength(20);
  });

  it('forgets the assumed pod and retries when a binding fails', async () => {
    h = new SchedulerHarness();
    h.addNode(makeNode('n1'));
    h.client.failNextBind(new ApiError('InternalError', 'Internal error occurred: etcdserver: request timed out'));
    h.addPod(makePod('p'));
    h.start();
    await vi.waitFor(() => expect(h.recorder.reasons('default/p')).toEqual(['FailedScheduling']));
    expect(h.recorder.events[0]?.message).toBe('running Bind plugin "DefaultBinder": Internal error occurred: etcdserver: request timed out');
    expect(h.client.statusPatches[0]?.patch.conditions?.[0]?.reason).toBe('SchedulerError');
    expect(h.scheduler.cache.hasPod(h.pods.get('default/p')?.metadata?.uid ?? '')).toBe(false);
    expect(h.scheduler.queue.whereIs('default/p')).toBe('backoff');
    h.clock.advance(1_000);
    await vi.waitFor(() => expect(h.boundTo('default/p')).toBe('n1'));
  });

  it('moves pods waiting on a cordoned node when it is uncordoned', async () => {
    h = new SchedulerHarness();
    const cordoned = makeNode('n1', { unschedulable: true });
    h.addNode(cordoned);
    h.addPod(makePod('p'));
    h.start();
    await vi.waitFor(() => expect(h.recorder.events[0]?.message).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    ));
    // A label change is not an event NodeUnschedulable waits for.
    h.updateNode({ ...cordoned, metadata: { ...cordoned.metadata, labels: { x: 'y' } } }, cordoned);
    expect(h.scheduler.queue.whereIs('default/p')).toBe('unschedulable');
    h.updateNode(makeNode('n1'), cordoned);
    h.clock.advance(1_000);
    await vi.waitFor(() => expect(h.boundTo('default/p')).toBe('n1'));
  });

  it('deduplicates the condition: a repeated identical failure patches nothing', async () => {
    h = new SchedulerHarness();
    h.addNode(makeNode('n1', { cpu: '1' }));
    h.addPod(makePod('p', { cpu: '2' }));
    h.start();
    await vi.waitFor(() => expect(h.client.statusPatches).toHaveLength(1));
    const cond = h.client.statusPatches[0]?.patch.conditions ?? [];
    const pod = h.pods.get('default/p');
    h.updatePod({ ...pod, status: { ...pod?.status, conditions: cond } });
    // The node's allocatable grows but not enough: the pod is tried again and fails the same way.
    h.updateNode(makeNode('n1', { cpu: '1500m' }), makeNode('n1', { cpu: '1' }));
    h.clock.advance(1_000);
    await vi.waitFor(() => expect(h.recorder.events).toHaveLength(2));
    expect(h.client.statusPatches).toHaveLength(1);
  });

  it('preempts a lower-priority pod and nominates the node', async () => {
    h = new SchedulerHarness();
    h.addNode(makeNode('n1', { cpu: '1' }));
    h.addPod(makePod('low', { cpu: '800m', nodeName: 'n1', priority: 0 }));
    h.addPod(makePod('high', { cpu: '500m', priority: 1000 }));
    h.start();
    await vi.waitFor(() => expect(h.client.deleted).toEqual(['default/low']));
    expect(h.client.statusPatches.find((s) => s.pod === 'default/low')?.patch.conditions?.[0]).toMatchObject({
      type: 'DisruptionTarget',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    await vi.waitFor(() => expect(h.client.statusPatches.find((s) => s.pod === 'default/high')?.patch.nominatedNodeName).toBe('n1'));
    expect(h.recorder.events.find((e) => e.object === 'default/high')?.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    // The victim goes away; the preemptor is retried and bound to its nominated node.
    h.deletePod('default/low');
    h.clock.advance(1_000);
    await vi.waitFor(() => expect(h.boundTo('default/high')).toBe('n1'));
  });
});
