/**
 * Resource amounts as the scheduler counts them (framework.Resource): milli-CPU, bytes of
 * memory and ephemeral storage, and scalar resources (extended resources, hugepages) by name;
 * pod requests as resourcehelper.PodRequests sums them (containers, plus the max with each init
 * container and the sidecars started before it, plus overhead); and the non-zero requests
 * scoring uses (100m CPU and 200Mi memory for containers that request none).
 */
import { parseQuantity, type Pod } from '@kubelab/api';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Allocatable pods (AllowedPodNumber); 0 in requests. */
  pods: number;
  scalar: Record<string, number>;
}

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} };
}

type ResourceList = Record<string, string | number> | undefined;
type Amounts = Map<string, number>;

/** Parsed amounts by `<resource>=<quantity>`: the same few quantities recur in every pod. */
const memo = new Map<string, number>();
const MEMO_LIMIT = 4096;

function amount(name: string, q: string | number): number {
  const key = `${name === 'cpu' ? 'm' : ''}${String(q)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const quantity = parseQuantity(String(q));
  const v = name === 'cpu' ? quantity.milliValue() : quantity.value();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, v);
  return v;
}

function toAmounts(list: ResourceList): Amounts {
  const out: Amounts = new Map();
  for (const [name, q] of Object.entries(list ?? {})) {
    try {
      out.set(name, amount(name, q));
    } catch {
      // The apiserver validates quantities; an unparsable one counts as nothing.
    }
  }
  return out;
}

function add(into: Amounts, from: Amounts): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function max(into: Amounts, from: Amounts): void {
  for (const [k, v] of from) if (v > (into.get(k) ?? 0)) into.set(k, v);
}

function withDefaults(a: Amounts, nonZero: boolean): Amounts {
  if (!nonZero) return a;
  const out = new Map(a);
  if (!out.has('cpu')) out.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
  if (!out.has('memory')) out.set('memory', DEFAULT_MEMORY_REQUEST);
  return out;
}

/** resourcehelper.PodRequests; `nonZero` fills missing container cpu/memory requests. */
export function podRequestAmounts(pod: Pod, nonZero = false): Amounts {
  const reqs: Amounts = new Map();
  for (const c of pod.spec?.containers ?? []) add(reqs, withDefaults(toAmounts(c.resources?.requests), nonZero));
  const sidecars: Amounts = new Map();
  const init: Amounts = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = withDefaults(toAmounts(c.resources?.requests), nonZero);
    if ((c as { restartPolicy?: string }).restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecars, r);
      max(init, sidecars);
    } else {
      const use = new Map(r);
      add(use, sidecars);
      max(init, use);
    }
  }
  max(reqs, init);
  add(reqs, toAmounts(pod.spec?.overhead));
  return reqs;
}

export function resourceFromAmounts(a: Amounts): Resource {
  const r = emptyResource();
  for (const [name, v] of a) {
    if (name === 'cpu') r.milliCPU = v;
    else if (name === 'memory') r.memory = v;
    else if (name === 'ephemeral-storage') r.ephemeralStorage = v;
    else if (name === 'pods') r.pods = v;
    else r.scalar[name] = v;
  }
  return r;
}

export function podRequests(pod: Pod): Resource {
  return resourceFromAmounts(podRequestAmounts(pod));
}

export function nonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  const a = podRequestAmounts(pod, true);
  return { milliCPU: a.get('cpu') ?? 0, memory: a.get('memory') ?? 0 };
}

/** A node's status.allocatable, as NodeInfo.SetNode reads it. */
export function nodeAllocatable(allocatable: ResourceList): Resource {
  return resourceFromAmounts(toAmounts(allocatable));
}

export function addResource(into: Resource, r: Resource, sign: 1 | -1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}

export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: { ...r.scalar } };
}
