import { describe, expect, it } from 'vitest';
import { makeNode } from '../testing/builders.js';
import { eventMatches, nodeUpdateActions } from './cluster-events.js';

describe('cluster events', () => {
  it('classifies node updates as upstream does', () => {
    const n = makeNode('n');
    expect(nodeUpdateActions(n, makeNode('n'))).toEqual([]);
    expect(nodeUpdateActions(n, makeNode('n', { unschedulable: true }))).toEqual(['UpdateNodeTaint']);
    expect(nodeUpdateActions(n, makeNode('n', { labels: { a: 'b' } }))).toEqual(['UpdateNodeLabel']);
    expect(nodeUpdateActions(n, makeNode('n', { cpu: '8' }))).toEqual(['UpdateNodeAllocatable']);
  });
  it('matches registered events, with Update standing for every update', () => {
    const reg = { resource: 'Node' as const, actions: ['Add' as const, 'UpdateNodeTaint' as const] };
    expect(eventMatches(reg, { resource: 'Node', actions: ['UpdateNodeTaint'] })).toBe(true);
    expect(eventMatches(reg, { resource: 'Node', actions: ['UpdateNodeLabel'] })).toBe(false);
    expect(eventMatches(reg, { resource: 'AssignedPod', actions: ['Add'] })).toBe(false);
    expect(eventMatches({ resource: 'Node', actions: ['Update'] }, { resource: 'Node', actions: ['UpdateNodeLabel'] })).toBe(true);
  });
});
