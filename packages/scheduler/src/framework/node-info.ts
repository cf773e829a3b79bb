/**
 * A node and the pods the scheduler counts on it (framework.NodeInfo): requested and non-zero
 * requested resources, host ports in use, and the pods with (anti-)affinity that the
 * inter-pod affinity plugin has to look at. A NodeInfo can exist before its Node object has
 * been seen (pods were bound to it first); `node` is then undefined.
 */
import type { Node } from '@kubelab/api';
import { HostPortInfo } from './host-ports.js';
import type { PodInfo } from './pod-info.js';
import { addResource, cloneResource, emptyResource, nodeAllocatable, type Resource } from './resource.js';

export class NodeInfo {
  node: Node | undefined;
  readonly pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  requested: Resource = emptyResource();
  nonZeroRequested = { milliCPU: 0, memory: 0 };
  allocatable: Resource = emptyResource();
  usedPorts = new HostPortInfo();
  /** Bumped on every change (the snapshot generation). */
  generation = 0;

  constructor(readonly name: string, node?: Node) {
    if (node) this.setNode(node);
  }

  setNode(node: Node): void {
    this.node = node;
    this.allocatable = nodeAllocatable(node.status?.allocatable);
    this.generation++;
  }

  get labels(): Record<string, string> {
    return this.node?.metadata?.labels ?? {};
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity()) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity()) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** Removes the pod with this uid; false when it was not here. */
  removePod(uid: string): boolean {
    const i = this.pods.findIndex((p) => p.uid === uid);
    if (i < 0) return false;
    const [pi] = this.pods.splice(i, 1);
    if (!pi) return false;
    this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.uid !== uid);
    this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.uid !== uid);
    this.update(pi, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    addResource(this.requested, pi.requests, sign);
    this.nonZeroRequested.milliCPU += sign * pi.nonZero.milliCPU;
    this.nonZeroRequested.memory += sign * pi.nonZero.memory;
    for (const p of pi.hostPorts) {
      if (sign > 0) this.usedPorts.add(p);
      else this.usedPorts.remove(p);
    }
    this.generation++;
  }

  /** A deep enough copy for simulations (preemption, nominated pods). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.pods.push(...this.pods);
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.requested = cloneResource(this.requested);
    c.nonZeroRequested = { ...this.nonZeroRequested };
    c.allocatable = this.allocatable;
    c.usedPorts = this.usedPorts.clone();
    c.generation = this.generation;
    return c;
  }
}
