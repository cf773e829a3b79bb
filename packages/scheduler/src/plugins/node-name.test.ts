import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/cycle-state.js';
import { PodInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/builders.js';
import { ERR_REASON, NodeNamePlugin, fits } from './node-name.js';

describe('NodeName', () => {
  const n1 = nodeInfo(makeNode('n1'));
  it('fits any node when the pod names none, else only the named node', () => {
    expect(fits(makePod('p'), n1)).toBe(true);
    expect(fits(makePod('p', { nodeName: 'n1' }), n1)).toBe(true);
    expect(fits(makePod('p', { nodeName: 'n2' }), n1)).toBe(false);
  });
  it('rejects as unresolvable with the upstream reason', () => {
    const st = new NodeNamePlugin().filter(new CycleState(), new PodInfo(makePod('p', { nodeName: 'n2' })), n1);
    expect(st?.code).toBe('UnschedulableAndUnresolvable');
    expect(st?.reasons).toEqual([ERR_REASON]);
    expect(ERR_REASON).toBe("node(s) didn't match the requested node name");
  });
});
