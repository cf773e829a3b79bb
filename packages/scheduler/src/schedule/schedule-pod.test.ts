import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { FitError } from '../framework/fit-error.js';
import { PodInfo } from '../framework/pod-info.js';
import { defaultFramework } from '../framework/registry.js';
import { makeNode, makePod, nodeInfo, testHandle } from '../testing/builders.js';
import { numFeasibleNodesToFind } from './num-feasible-nodes.js';
import { NoNodesAvailableError, PodScheduler } from './schedule-pod.js';
import { selectHost } from './select-host.js';

describe('numFeasibleNodesToFind', () => {
  it('takes every node below 100, then an adaptive percentage with a floor of 100', () => {
    expect([50, 99, 100, 1000, 5000, 10000].map((n) => numFeasibleNodesToFind(n))).toEqual([50, 99, 100, 420, 500, 500]);
  });
});

describe('selectHost', () => {
  it('picks the highest score, breaking ties at random', () => {
    const scores = [{ name: 'a', score: 5 }, { name: 'b', score: 9 }, { name: 'c', score: 9 }];
    expect(selectHost(scores, () => 0.9)).toBe('b');
    expect(selectHost(scores, () => 0)).toBe('c');
  });
});

describe('PodScheduler', () => {
  const setup = (nodes = [nodeInfo(makeNode('a')), nodeInfo(makeNode('b'), [makePod('busy', { cpu: '3' })])]) => ({
    nodes,
    ps: new PodScheduler({ framework: defaultFramework(testHandle(nodes)), random: () => 0 }),
  });

  it('prefers the emptier node', () => {
    const { nodes, ps } = setup();
    const r = ps.schedule(new CycleState(), new PodInfo(makePod('p', { cpu: '500m' })), nodes);
    expect(r).toEqual({ suggestedHost: 'a', evaluatedNodes: 2, feasibleNodes: 2 });
  });

  it('throws when there are no nodes', () => {
    const { ps } = setup();
    expect(() => ps.schedule(new CycleState(), new PodInfo(makePod('p')), [])).toThrow(NoNodesAvailableError);
  });

  it('names the plugin that pinned the pod for the nodes it did not look at', () => {
    const { nodes, ps } = setup();
    const pinned = makePod('ds', {
      cpu: '2',
      spec: {
        containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } },
      },
    });
    const r = ps.schedule(new CycleState(), new PodInfo(pinned), nodes);
    expect(r).toBeInstanceOf(FitError);
    expect((r as FitError).text()).toBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
});
