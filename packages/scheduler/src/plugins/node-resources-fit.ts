/**
 * NodeResourcesFit: a node fits when it has room for one more pod and for the pod's cpu,
 * memory, ephemeral-storage and scalar requests next to what its pods already request; nodes
 * are scored by the LeastAllocated strategy.
 */
import type { ClusterEvent } from '../framework/cluster-events.js';
import type { CycleState } from '../framework/cycle-state.js';
import type { FilterPlugin, ScorePlugin } from '../framework/interfaces.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import type { Resource } from '../framework/resource.js';
import { Status } from '../framework/status.js';
import { leastAllocatedScore } from './least-allocated.js';
import { allocationVectors } from './resource-allocation.js';

export const NAME = 'NodeResourcesFit';

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** fitsRequest: everything the node lacks for the pod, in upstream order. */
export function insufficientResources(req: Resource, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = node.allocatable;
  const used = node.requested;
  if (node.pods.length + 1 > alloc.pods) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: node.pods.length, capacity: alloc.pods });
  }
  const scalars = Object.entries(req.scalar).filter(([, v]) => v !== 0);
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalars.length === 0) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU });
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: used.memory, capacity: alloc.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: 'Insufficient ephemeral-storage',
      requested: req.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
    });
  }
  for (const [name, v] of scalars) {
    const a = alloc.scalar[name] ?? 0;
    const u = used.scalar[name] ?? 0;
    if (v > a - u) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: v, used: u, capacity: a });
  }
  return out;
}

export class NodeResourcesFitPlugin implements FilterPlugin, ScorePlugin {
  readonly name = NAME;

  events(): ClusterEvent[] {
    return [
      { resource: 'AssignedPod', actions: ['Delete', 'UpdatePodScaleDown'] },
      { resource: 'Node', actions: ['Add', 'UpdateNodeAllocatable'] },
    ];
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const missing = insufficientResources(pod.requests, node);
    return missing.length === 0 ? undefined : Status.unschedulable(...missing.map((m) => m.reason));
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const { requested, allocatable } = allocationVectors(pod, node, false);
    return leastAllocatedScore(requested, allocatable);
  }
}
