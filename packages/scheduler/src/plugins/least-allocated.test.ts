import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { leastAllocatedScore, leastRequestedScore } from './least-allocated.js';
import { NodeResourcesFitPlugin } from './node-resources-fit.js';

describe('LeastAllocated', () => {
  it('scores (capacity - requested) * 100 / capacity per resource, averaged', () => {
    expect(leastRequestedScore(3000, 4000)).toBe(25);
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    expect(leastAllocatedScore([3000, 5000], [4000, 10000])).toBe(37);
    expect(leastAllocatedScore([3000, 5000], [6000, 10000])).toBe(50);
    expect(leastAllocatedScore([0, 0], [0, 0])).toBe(0);
  });
  it('counts 100m/200Mi for containers without requests', () => {
    const pl = new NodeResourcesFitPlugin();
    const node = nodeInfo(makeNode('n', { cpu: '1', memory: '1000Mi' }));
    expect(pl.score(new CycleState(), new PodInfo(makePod('p')), node)).toBe(Math.trunc((90 + 80) / 2));
  });
});
