import { describe, expect, it } from 'vitest';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod } from '../testing/builders.js';
import { SchedulerCache } from './scheduler-cache.js';

describe('SchedulerCache', () => {
  it('counts assumed pods at once and confirms them when the informer reports the binding', () => {
    const c = new SchedulerCache();
    c.addNode(makeNode('n1', { cpu: '2' }));
    const pod = makePod('p', { cpu: '500m' });
    c.assumePod(new PodInfo(pod), 'n1');
    expect(c.isAssumed(pod.metadata?.uid ?? '')).toBe(true);
    expect(c.nodeInfo('n1')?.requested.milliCPU).toBe(500);
    c.addPod({ ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: 'n1' } });
    expect(c.isAssumed(pod.metadata?.uid ?? '')).toBe(false);
    expect(c.nodeInfo('n1')?.pods).toHaveLength(1);
    expect(c.nodeInfo('n1')?.requested.milliCPU).toBe(500);
  });

  it('forgets an assumed pod whose binding failed, but never a confirmed one', () => {
    const c = new SchedulerCache();
    c.addNode(makeNode('n1'));
    const a = makePod('a', { cpu: '1' });
    c.assumePod(new PodInfo(a), 'n1');
    c.forgetPod(a.metadata?.uid ?? '');
    expect(c.nodeInfo('n1')?.pods).toHaveLength(0);
    const b = makePod('b', { nodeName: 'n1' });
    c.addPod(b);
    c.forgetPod(b.metadata?.uid ?? '');
    expect(c.nodeInfo('n1')?.pods).toHaveLength(1);
  });

  it('keeps pods bound to a node it has not seen, without listing that node', () => {
    const c = new SchedulerCache();
    const early = makePod('early', { nodeName: 'late', cpu: '1' });
    c.addPod(early);
    expect(c.nodeList()).toHaveLength(0);
    c.addNode(makeNode('late'));
    expect(c.nodeList().map((n) => n.name)).toEqual(['late']);
    expect(c.nodeInfo('late')?.requested.milliCPU).toBe(1000);
    c.removeNode(makeNode('late'));
    expect(c.nodeList()).toHaveLength(0);
    expect(c.podCount()).toBe(1);
    c.removePod(early);
    expect(c.podCount()).toBe(0);
    c.addNode(makeNode('late'));
    expect(c.nodeInfo('late')?.pods).toHaveLength(0);
  });

  it('moves a pod between nodes on update and frees resources on delete', () => {
    const c = new SchedulerCache();
    c.addNode(makeNode('n1'));
    c.addNode(makeNode('n2'));
    const p = makePod('p', { nodeName: 'n1', cpu: '1' });
    c.addPod(p);
    c.updatePod({ ...p, spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: 'n2' } });
    expect([c.nodeInfo('n1')?.pods.length, c.nodeInfo('n2')?.pods.length]).toEqual([0, 1]);
    c.removePod(p);
    expect(c.nodeInfo('n2')?.requested.milliCPU).toBe(0);
    expect(c.podCount()).toBe(0);
  });
});
