import { describe, expect, it } from 'vitest';
import { FakeClock } from '@kubelab/api/testing';
import type { ClusterEvent } from '../framework/cluster-events.js';
import { makePod } from '../testing/builders.js';
import { backoffDuration } from './backoff.js';
import { POD_MAX_IN_UNSCHEDULABLE_MS, SchedulingQueue, isPodUpdated } from './scheduling-queue.js';

const events = new Map<string, ClusterEvent[]>([
  ['NodeResourcesFit', [{ resource: 'Node', actions: ['Add', 'UpdateNodeAllocatable'] }, { resource: 'AssignedPod', actions: ['Delete'] }]],
  ['TaintToleration', [{ resource: 'Node', actions: ['Add', 'UpdateNodeTaint'] }]],
]);

function setup() {
  const clock = new FakeClock(1_000_000);
  return { clock, q: new SchedulingQueue({ eventsByPlugin: events, clock }) };
}

async function failWith(q: SchedulingQueue, plugins: string[]) {
  const p = await q.pop();
  if (!p) throw new Error('queue closed');
  p.unschedulablePlugins = new Set(plugins);
  q.addUnschedulableIfNotPresent(p);
  return p;
}

describe('backoffDuration', () => {
  it('starts at 1 s, doubles per attempt and caps at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((a) => backoffDuration(a))).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000]);
  });
});

describe('SchedulingQueue', () => {
  it('pops by priority, then by arrival', async () => {
    const { q } = setup();
    q.add(makePod('a'));
    q.add(makePod('b', { priority: 10 }));
    q.add(makePod('c'));
    const order = [await q.pop(), await q.pop(), await q.pop()].map((x) => x?.key);
    expect(order).toEqual(['default/b', 'default/a', 'default/c']);
  });

  it('parks a rejected pod until an event one of its rejecting plugins cares about', async () => {
    const { q, clock } = setup();
    q.add(makePod('p'));
    await failWith(q, ['NodeResourcesFit']);
    expect(q.whereIs('default/p')).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions: ['UpdateNodeTaint'] });
    expect(q.whereIs('default/p')).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions: ['UpdateNodeAllocatable', 'UpdateNodeLabel'] });
    expect(q.whereIs('default/p')).toBe('backoff');
    clock.advance(999);
    expect(q.whereIs('default/p')).toBe('backoff');
    clock.advance(1);
    await Promise.resolve();
    expect(q.whereIs('default/p')).toBe('active');
  });

  it('sends a pod to backoff when an event came in during its attempt', async () => {
    const { q } = setup();
    q.add(makePod('p'));
    const p = await q.pop();
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions: ['Add'] });
    if (!p) throw new Error('no pod');
    p.unschedulablePlugins = new Set(['TaintToleration']);
    q.addUnschedulableIfNotPresent(p);
    expect(q.whereIs('default/p')).toBe('backoff');
  });

  it('retries pods left unschedulable longer than 5 minutes', async () => {
    const { q, clock } = setup();
    q.add(makePod('p'));
    await failWith(q, ['TaintToleration']);
    clock.advance(POD_MAX_IN_UNSCHEDULABLE_MS);
    q.flushUnschedulableLeftover();
    expect(q.whereIs('default/p')).toBe('unschedulable');
    clock.advance(1);
    q.flushUnschedulableLeftover();
    expect(q.whereIs('default/p')).toBe('active');
  });

  it('moves an unschedulable pod whose spec changed, not one whose status changed', async () => {
    const { q, clock } = setup();
    const pod = makePod('p');
    q.add(pod);
    await failWith(q, ['TaintToleration']);
    const statusOnly = { ...pod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] } };
    expect(isPodUpdated(pod, statusOnly)).toBe(false);
    q.update(pod, statusOnly);
    expect(q.whereIs('default/p')).toBe('unschedulable');
    clock.advance(5_000);
    q.update(statusOnly, { ...statusOnly, spec: { ...statusOnly.spec, containers: [], tolerations: [{ operator: 'Exists' }] } });
    expect(q.whereIs('default/p')).toBe('active');
  });

  it('backs off longer with every attempt', async () => {
    const { q, clock } = setup();
    q.add(makePod('p'));
    for (const wait of [1000, 2000, 4000]) {
      await failWith(q, []);
      expect(q.whereIs('default/p')).toBe('backoff');
      clock.advance(wait - 1);
      q.flushBackoffCompleted();
      expect(q.whereIs('default/p')).toBe('backoff');
      clock.advance(1);
      q.flushBackoffCompleted();
      expect(q.whereIs('default/p')).toBe('active');
    }
  });

  it('forgets deleted pods, even while they are being scheduled', async () => {
    const { q } = setup();
    const pod = makePod('p');
    q.add(pod);
    const p = await q.pop();
    q.delete(pod);
    if (!p) throw new Error('no pod');
    q.addUnschedulableIfNotPresent(p);
    expect(q.whereIs('default/p')).toBeUndefined();
  });

  it('wakes a waiting pop and ends it on close', async () => {
    const { q } = setup();
    const waiting = q.pop();
    q.add(makePod('p'));
    expect((await waiting)?.key).toBe('default/p');
    const ended = q.pop();
    q.close();
    expect(await ended).toBeUndefined();
  });
});
