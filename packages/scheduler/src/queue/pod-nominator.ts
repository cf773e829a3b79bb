/**
 * The pods nominated to nodes by preemption (the queue's nominator): others scheduled onto
 * those nodes must leave room for nominated pods of equal or higher priority.
 */
import type { PodInfo } from '../framework/pod-info.js';
import type { PodNominator } from '../schedule/schedule-pod.js';

const NONE: readonly PodInfo[] = [];

export class Nominator implements PodNominator {
  private readonly byNode = new Map<string, Map<string, PodInfo>>();
  private readonly nodeOf = new Map<string, string>();

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    const m = this.byNode.get(nodeName);
    return m ? [...m.values()] : NONE;
  }

  /** Records (or moves) the nomination of a pod; an empty node name removes it. */
  set(pi: PodInfo, nodeName: string): void {
    this.delete(pi.key);
    if (!nodeName) return;
    let m = this.byNode.get(nodeName);
    if (!m) {
      m = new Map();
      this.byNode.set(nodeName, m);
    }
    m.set(pi.key, pi);
    this.nodeOf.set(pi.key, nodeName);
  }

  delete(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const m = this.byNode.get(node);
    m?.delete(key);
    if (m?.size === 0) this.byNode.delete(node);
  }

  nominatedNode(key: string): string | undefined {
    return this.nodeOf.get(key);
  }
}
