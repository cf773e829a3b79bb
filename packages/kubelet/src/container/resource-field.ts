/**
 * Downward API container resources (pkg/api/v1/resource): limits/requests of cpu, memory,
 * ephemeral-storage and hugepages divided by a divisor and rounded up; a limit that is not
 * set stands for the node's allocatable.
 */
import { cpus, totalmem } from 'node:os';
import { parseQuantity, type Container, type Pod, type Quantity } from '@kubelab/api';

export interface ResourceFieldSelector {
  containerName?: string;
  resource: string;
  divisor?: string | number;
}

/** Node allocatable as quantity strings: { cpu: '4', memory: '8Gi', 'ephemeral-storage': ... }. */
export type NodeAllocatable = Record<string, string>;

/** The host's cpu count and memory, for when the kubelet gives no allocatable. */
export function hostAllocatable(): NodeAllocatable {
  return { cpu: String(cpus().length), memory: String(totalmem()) };
}

function quantityOf(list: Record<string, unknown> | undefined, name: string): Quantity {
  const v = list?.[name];
  return parseQuantity(v === undefined || v === null ? '0' : String(v));
}

/** ExtractContainerResourceValue: the value of one resource of the container, as a string. */
export function extractContainerResourceValue(fs: ResourceFieldSelector, container: Container): string {
  const divisorText = fs.divisor === undefined ? '' : String(fs.divisor);
  let divisor = divisorText === '' ? parseQuantity('1') : parseQuantity(divisorText);
  if (divisor.isZero()) divisor = parseQuantity('1');
  const limits = container.resources?.limits as Record<string, unknown> | undefined;
  const requests = container.resources?.requests as Record<string, unknown> | undefined;
  const cpu = (q: Quantity): string => String(Math.ceil(q.milliValue() / divisor.milliValue()));
  const bytes = (q: Quantity): string => String(Math.ceil(q.value() / divisor.value()));
  switch (fs.resource) {
    case 'limits.cpu':
      return cpu(quantityOf(limits, 'cpu'));
    case 'limits.memory':
      return bytes(quantityOf(limits, 'memory'));
    case 'limits.ephemeral-storage':
      return bytes(quantityOf(limits, 'ephemeral-storage'));
    case 'requests.cpu':
      return cpu(quantityOf(requests, 'cpu'));
    case 'requests.memory':
      return bytes(quantityOf(requests, 'memory'));
    case 'requests.ephemeral-storage':
      return bytes(quantityOf(requests, 'ephemeral-storage'));
  }
  for (const [prefix, list] of [
    ['requests.', requests],
    ['limits.', limits],
  ] as const) {
    if (fs.resource.startsWith(`${prefix}hugepages-`)) {
      return bytes(quantityOf(list, fs.resource.slice(prefix.length)));
    }
  }
  throw new Error(`unsupported container resource : ${fs.resource}`);
}

export function findContainerInPod(pod: Pod, containerName: string): Container {
  const found =
    pod.spec?.containers.find((c) => c.name === containerName) ??
    pod.spec?.initContainers?.find((c) => c.name === containerName);
  if (!found) throw new Error(`container ${containerName} not found`);
  return found;
}

/** MergeContainerResourceLimits: a copy whose unset (or zero) cpu, memory and
 * ephemeral-storage limits are the node's allocatable. */
export function withDefaultLimits(container: Container, allocatable: NodeAllocatable): Container {
  const limits: Record<string, string> = { ...(container.resources?.limits as Record<string, string>) };
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const set = limits[name];
    const cap = allocatable[name];
    if ((set === undefined || parseQuantity(String(set)).isZero()) && cap !== undefined) {
      limits[name] = cap;
    }
  }
  return { ...container, resources: { ...container.resources, limits } };
}

/** ExtractResourceValueByContainerNameAndNodeAllocatable (env: the container itself when
 * the selector names none). */
export function extractResourceValue(
  fs: ResourceFieldSelector,
  pod: Pod,
  opts: { container?: Container; allocatable: NodeAllocatable },
): string {
  const target = fs.containerName
    ? findContainerInPod(pod, fs.containerName)
    : opts.container ?? findContainerInPod(pod, '');
  return extractContainerResourceValue(fs, withDefaultLimits(target, opts.allocatable));
}
