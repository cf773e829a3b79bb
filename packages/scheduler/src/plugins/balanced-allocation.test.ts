import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { BalancedAllocationPlugin, balancedResourceScore } from './balanced-allocation.js';

describe('BalancedAllocation', () => {
  it('scores (1 - std of the fractions) * 100', () => {
    expect(balancedResourceScore([3000, 5000], [4000, 10000])).toBe(87);
    expect(balancedResourceScore([3000, 5000], [6000, 10000])).toBe(100);
    expect(balancedResourceScore([8000, 0], [4000, 10000])).toBe(50);
  });
  it('uses actual requests, not the non-zero defaults', () => {
    const pl = new BalancedAllocationPlugin();
    const node = nodeInfo(makeNode('n', { cpu: '4', memory: '4Gi' }), [makePod('a', { cpu: '2' })]);
    expect(pl.score(new CycleState(), new PodInfo(makePod('p')), node)).toBe(75);
  });
});
