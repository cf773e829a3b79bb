/**
 * The shared core of the resource scorers (noderesources/resource_allocation.go): for each
 * scored resource (cpu and memory, weight 1 each), the node's allocatable and what would be
 * requested with the pod on it. LeastAllocated counts non-zero requests (100m/200Mi for
 * containers without requests); BalancedAllocation counts actual requests.
 */
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';

export interface ResourceSpec {
  name: 'cpu' | 'memory';
  weight: number;
}

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

export interface AllocationVectors {
  requested: number[];
  allocatable: number[];
}

export function allocationVectors(
  pod: PodInfo,
  node: NodeInfo,
  useRequested: boolean,
  resources: readonly ResourceSpec[] = DEFAULT_RESOURCES,
): AllocationVectors {
  const requested: number[] = [];
  const allocatable: number[] = [];
  for (const r of resources) {
    const onNode = useRequested ? node.requested : node.nonZeroRequested;
    const podReq = useRequested ? pod.requests : pod.nonZero;
    const alloc = r.name === 'cpu' ? node.allocatable.milliCPU : node.allocatable.memory;
    const req = (r.name === 'cpu' ? onNode.milliCPU + podReq.milliCPU : onNode.memory + podReq.memory);
    allocatable.push(alloc);
    requested.push(alloc === 0 ? 0 : req);
  }
  return { requested, allocatable };
}
