/**
 * Container resources as runtime limits (kuberuntime_container_linux.go): the cpu limit in
 * millicores (the runtime turns it into a CFS quota), cpu shares from the request
 * (MilliCPUToShares: 1024 per core, at least 2, at most 262144), the memory limit in bytes.
 * A request that is not set equals the limit, as API defaulting makes it.
 */
import { parseQuantity, type Container } from '@kubelab/api';
import type { ContainerConfig } from '../runtime/container-runtime.js';

export const MIN_SHARES = 2;
export const MAX_SHARES = 262144;
const SHARES_PER_CPU = 1024;
const MILLI_CPU_TO_CPU = 1000;

export function milliCpuToShares(milliCpu: number): number {
  if (milliCpu === 0) return MIN_SHARES;
  const shares = Math.floor((milliCpu * SHARES_PER_CPU) / MILLI_CPU_TO_CPU);
  return Math.min(MAX_SHARES, Math.max(MIN_SHARES, shares));
}

function quantity(list: Record<string, unknown> | undefined, name: string): ReturnType<typeof parseQuantity> | undefined {
  const v = list?.[name];
  return v === undefined || v === null ? undefined : parseQuantity(String(v));
}

export function toResources(container: Pick<Container, 'resources'>): ContainerConfig['resources'] {
  const limits = container.resources?.limits as Record<string, unknown> | undefined;
  const requests = container.resources?.requests as Record<string, unknown> | undefined;
  const cpuLimit = quantity(limits, 'cpu');
  const cpuRequest = quantity(requests, 'cpu') ?? cpuLimit;
  const memoryLimit = quantity(limits, 'memory');
  const out: ContainerConfig['resources'] = {
    cpuShares: milliCpuToShares(cpuRequest ? cpuRequest.milliValue() : 0),
  };
  if (cpuLimit && !cpuLimit.isZero()) out.cpuMillis = cpuLimit.milliValue();
  if (memoryLimit && !memoryLimit.isZero()) out.memoryBytes = memoryLimit.value();
  return out;
}
