import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { NodeToStatus } from '../framework/fit-error.js';
import { PodInfo } from '../framework/pod-info.js';
import { defaultFramework } from '../framework/registry.js';
import { Status } from '../framework/status.js';
import { makeNode, makePod, nodeInfo, testHandle } from '../testing/builders.js';
import { eligibleToPreempt } from './default-preemption.js';
import { ERR_NO_VICTIMS, pickOneNodeForPreemption, selectVictimsOnNode } from './select-victims.js';

describe('selectVictimsOnNode', () => {
  const node = nodeInfo(makeNode('n', { cpu: '2' }), [
    makePod('low-big', { cpu: '1', priority: 1 }),
    makePod('low-small', { cpu: '500m', priority: 5 }),
    makePod('peer', { cpu: '500m', priority: 100 }),
  ]);
  const fwk = defaultFramework(testHandle([node]));
  const filter = (s: CycleState, p: PodInfo, n: typeof node) => fwk.runFilter(s, p, n);

  it('evicts as little as possible, sparing the more important pods first', () => {
    const pod = new PodInfo(makePod('high', { cpu: '1', priority: 100 }));
    const r = selectVictimsOnNode(fwk, filter, new CycleState(), pod, node, 0);
    expect(r.victims?.map((v) => v.name)).toEqual(['low-big']);
    expect(node.pods).toHaveLength(3);
  });

  it('finds no victims among pods of equal or higher priority', () => {
    const pod = new PodInfo(makePod('same', { cpu: '1', priority: 1 }));
    expect(selectVictimsOnNode(fwk, filter, new CycleState(), pod, node, 0).status?.reasons).toEqual([ERR_NO_VICTIMS]);
  });
});

describe('pickOneNodeForPreemption', () => {
  it('prefers the node whose most important victim matters least, then fewer victims', () => {
    const v = (name: string, priority: number) => new PodInfo(makePod(name, { priority }));
    const picked = pickOneNodeForPreemption(
      new Map([
        ['a', [v('a1', 50)]],
        ['b', [v('b1', 10), v('b2', 10)]],
        ['c', [v('c1', 10)]],
      ]),
      0,
    );
    expect(picked).toBe('c');
  });
});

describe('eligibleToPreempt', () => {
  it('refuses pods that never preempt', () => {
    const pod = new PodInfo(makePod('p', { spec: { containers: [], preemptionPolicy: 'Never' } }));
    expect(eligibleToPreempt(pod, [], new NodeToStatus())).toBe('not eligible due to preemptionPolicy=Never.');
  });
  it('waits while a victim on the nominated node is still terminating', () => {
    const victim = makePod('v', { priority: 0, nodeName: 'n' });
    victim.metadata = { ...victim.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' };
    victim.status = { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] };
    const n = nodeInfo(makeNode('n'), [victim]);
    const pod = new PodInfo({ ...makePod('p', { priority: 10 }), status: { nominatedNodeName: 'n' } });
    expect(eligibleToPreempt(pod, [n], new NodeToStatus())).toBe('not eligible due to a terminating pod on the nominated node.');
    const statuses = new NodeToStatus();
    statuses.set('n', Status.unresolvable('gone'));
    expect(eligibleToPreempt(pod, [n], statuses)).toBeUndefined();
  });
});
