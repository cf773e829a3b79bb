import { describe, expect, it } from 'vitest';
import type { Taint } from '@kubelab/api';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { TaintTolerationPlugin, intolerablePreferNoScheduleTaints, untoleratedTaint, untoleratedTaintReason } from './taint-toleration.js';

const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  it('finds the first untolerated NoSchedule/NoExecute taint, ignoring PreferNoSchedule', () => {
    const node = makeNode('n', { taints: [{ key: 'soft', value: 'x', effect: 'PreferNoSchedule' }, controlPlane] });
    expect(untoleratedTaint(makePod('p'), node)).toEqual(controlPlane);
    expect(untoleratedTaintReason(controlPlane)).toBe('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
    expect(untoleratedTaintReason({ key: 'dedicated', value: 'gpu', effect: 'NoExecute' })).toBe('node(s) had untolerated taint {dedicated: gpu}');
  });
  it('honours Equal and Exists tolerations, keys and effects', () => {
    const node = makeNode('n', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    const t = (tol: object) => untoleratedTaint(makePod('p', { tolerations: [tol] }), node);
    expect(t({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })).toBeUndefined();
    expect(t({ key: 'dedicated', operator: 'Equal', value: 'gpu' })).toBeUndefined();
    expect(t({ key: 'dedicated', operator: 'Exists' })).toBeUndefined();
    expect(t({ key: 'dedicated', value: 'cpu' })).toBeDefined();
    expect(t({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' })).toBeDefined();
    expect(t({ operator: 'Exists' })).toBeUndefined();
  });
  it('rejects as unresolvable', () => {
    const st = new TaintTolerationPlugin().filter(new CycleState(), new PodInfo(makePod('p')), nodeInfo(makeNode('n', { taints: [controlPlane] })));
    expect(st?.code).toBe('UnschedulableAndUnresolvable');
    expect(st?.reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
  });
});

describe('TaintToleration score', () => {
  it('counts intolerable PreferNoSchedule taints and normalizes in reverse', () => {
    const soft = (key: string): Taint => ({ key, value: 'v', effect: 'PreferNoSchedule' });
    expect(intolerablePreferNoScheduleTaints([soft('a'), soft('b')], [{ key: 'a', operator: 'Exists' }])).toBe(1);
    const pl = new TaintTolerationPlugin();
    const pod = new PodInfo(makePod('p', { tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }] }));
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('one', { taints: [soft('a'), soft('b')] })),
      nodeInfo(makeNode('two', { taints: [soft('b'), soft('c')] })),
    ];
    const state = new CycleState();
    pl.preScore(state, pod);
    const scores = nodes.map((n) => ({ name: n.name, score: pl.score(state, pod, n) }));
    expect(scores.map((s) => s.score)).toEqual([0, 1, 2]);
    pl.normalize(state, pod, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 50, 0]);
  });
});
