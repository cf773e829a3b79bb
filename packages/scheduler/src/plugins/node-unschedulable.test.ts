import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { NodeUnschedulablePlugin, unschedulableReason } from './node-unschedulable.js';

describe('NodeUnschedulable', () => {
  it('lets pods onto schedulable nodes', () => {
    expect(unschedulableReason(makePod('p'), makeNode('n'))).toBeUndefined();
  });
  it('keeps pods off cordoned nodes unless they tolerate the unschedulable taint', () => {
    const cordoned = makeNode('n', { unschedulable: true });
    expect(unschedulableReason(makePod('p'), cordoned)).toBe('node(s) were unschedulable');
    const tolerant = makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(unschedulableReason(tolerant, cordoned)).toBeUndefined();
    const everything = makePod('p', { tolerations: [{ operator: 'Exists' }] });
    expect(unschedulableReason(everything, cordoned)).toBeUndefined();
  });
  it('rejects as unresolvable', () => {
    const st = new NodeUnschedulablePlugin().filter(new CycleState(), new PodInfo(makePod('p')), nodeInfo(makeNode('n', { unschedulable: true })));
    expect(st?.code).toBe('UnschedulableAndUnresolvable');
  });
});
