import { describe, expect, it } from 'vitest';
import { fitErrorMessage, newDiagnosis } from './fit-error.js';
import { Status } from './status.js';

describe('fitErrorMessage', () => {
  it('counts reasons over nodes and sorts them as strings', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('cp', Status.unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'));
    d.nodeToStatus.set('w1', Status.unschedulable('Insufficient cpu', 'Insufficient memory'));
    d.nodeToStatus.set('w2', Status.unschedulable('Insufficient cpu'));
    expect(fitErrorMessage(3, d)).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.',
    );
  });
  it('counts the absent nodes with the default status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.absentNodesStatus = Status.unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]");
    d.nodeToStatus.set('n1', Status.unschedulable('Insufficient cpu'));
    expect(fitErrorMessage(4, d)).toBe("0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
  it('prints only the PreFilter message when PreFilter rejected the pod, then the PostFilter one', () => {
    const d = newDiagnosis();
    d.preFilterMsg = 'pod affinity terms conflict';
    d.nodeToStatus.absentNodesStatus = Status.unresolvable('pod affinity terms conflict');
    d.postFilterMsg = 'preemption: not eligible due to preemptionPolicy=Never.';
    expect(fitErrorMessage(2, d)).toBe('0/2 nodes are available: pod affinity terms conflict. preemption: not eligible due to preemptionPolicy=Never..');
  });
});
