import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { NodeResourcesFitPlugin, insufficientResources } from './node-resources-fit.js';

describe('NodeResourcesFit filter', () => {
  const node = nodeInfo(makeNode('n', { cpu: '2', memory: '4Gi', pods: '3' }), [makePod('a', { cpu: '1500m', memory: '1Gi' })]);
  it('fits what the node still has room for', () => {
    expect(insufficientResources(new PodInfo(makePod('p', { cpu: '500m', memory: '3Gi' })).requests, node)).toEqual([]);
  });
  it('reports every insufficient resource in upstream order', () => {
    const missing = insufficientResources(new PodInfo(makePod('p', { cpu: '600m', memory: '3500Mi' })).requests, node);
    expect(missing.map((m) => m.reason)).toEqual(['Insufficient cpu', 'Insufficient memory']);
    expect(missing[0]).toEqual({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: 600, used: 1500, capacity: 2000 });
  });
  it('counts pods against allocatable pods, even for pods that request nothing', () => {
    const full = nodeInfo(makeNode('n', { pods: '1' }), [makePod('a')]);
    expect(insufficientResources(new PodInfo(makePod('p')).requests, full).map((m) => m.reason)).toEqual(['Too many pods']);
  });
  it('sums containers, takes the max with init containers, adds overhead', () => {
    const pod = makePod('p', {
      spec: {
        containers: [
          { name: 'a', image: 'x', resources: { requests: { cpu: '100m' } } },
          { name: 'b', image: 'x', resources: { requests: { cpu: '200m' } } },
        ],
        initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '500m', memory: '1Gi' } } }],
        overhead: { cpu: '50m' },
      },
    });
    const pi = new PodInfo(pod);
    expect(pi.requests.milliCPU).toBe(550);
    expect(pi.requests.memory).toBe(1024 ** 3);
    expect(pi.nonZero).toEqual({ milliCPU: 550, memory: 1024 ** 3 });
  });
  it('rejects with all reasons as Unschedulable (preemption may help)', () => {
    const st = new NodeResourcesFitPlugin().filter(new CycleState(), new PodInfo(makePod('p', { cpu: '1' })), node);
    expect(st?.code).toBe('Unschedulable');
    expect(st?.reasons).toEqual(['Insufficient cpu']);
  });
});
