/**
 * LeastAllocated scoring (NodeResourcesFit's default strategy): per resource
 * (allocatable - requested) * 100 / allocatable, averaged by weight, integer arithmetic.
 */
import { MAX_NODE_SCORE } from '../framework/interfaces.js';
import { DEFAULT_RESOURCES, type ResourceSpec } from './resource-allocation.js';

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export function leastAllocatedScore(
  requested: readonly number[],
  allocatable: readonly number[],
  resources: readonly ResourceSpec[] = DEFAULT_RESOURCES,
): number {
  let score = 0;
  let weights = 0;
  for (let i = 0; i < requested.length; i++) {
    const alloc = allocatable[i] ?? 0;
    if (alloc === 0) continue;
    const w = resources[i]?.weight ?? 1;
    score += leastRequestedScore(requested[i] ?? 0, alloc) * w;
    weights += w;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}
