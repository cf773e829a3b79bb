/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal
 * fractions: (1 - standard deviation of the fractions) * 100, fractions capped at 1.
 */
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { allocationVectors } from './resource-allocation.js';

export const NAME = 'NodeResourcesBalancedAllocation';

export function balancedResourceScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    const alloc = allocatable[i] ?? 0;
    if (alloc === 0) continue;
    const f = Math.min(1, (requested[i] ?? 0) / alloc);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    std = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) * (f - mean), 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export class BalancedAllocationPlugin implements ScorePlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'AssignedPod', actions: ['Delete', 'UpdatePodScaleDown'] },
      { resource: 'Node', actions: ['Add', 'UpdateNodeAllocatable'] },
    ];
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const { requested, allocatable } = allocationVectors(pod, node, true);
    return balancedResourceScore(requested, allocatable);
  }
}
