/**
 * The scheduler cache (internal/cache): nodes and the pods on them, including pods the
 * scheduler has assumed onto a node before their binding is confirmed, so the next cycles
 * already count them. An assumed pod becomes a normal one when the informer reports it bound
 * (addPod), or leaves again if its binding fails (forgetPod).
 */
import type { Node, Pod } from '@kubelab/api';
import { NodeInfo } from '../framework/node-info.js';
import { PodInfo } from '../framework/pod-info.js';

interface PodState {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
  bindingFinished: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodState>();
  private listCache: NodeInfo[] | undefined;

  /** The nodes with a Node object, in the order they were added (the cycle's snapshot). */
  nodeList(): NodeInfo[] {
    this.listCache ??= [...this.nodes.values()].filter((n) => n.node !== undefined);
    return this.listCache;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    const ni = this.nodes.get(name);
    return ni?.node ? ni : undefined;
  }

  get nodeCount(): number {
    return this.nodeList().length;
  }

  private ensureNode(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) {
      ni = new NodeInfo(name);
      this.nodes.set(name, ni);
    }
    return ni;
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.ensureNode(name);
    ni.setNode(node);
    this.listCache = undefined;
  }

  updateNode(node: Node): void {
    this.addNode(node);
  }

  /** Removes the node; its NodeInfo stays while pods are still counted on it. */
  removeNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.nodes.get(name);
    if (!ni) return;
    if (ni.pods.length === 0) this.nodes.delete(name);
    else ni.node = undefined;
    this.listCache = undefined;
  }

  isAssumed(uid: string): boolean {
    return this.pods.get(uid)?.assumed === true;
  }

  /** Whether the pod (by uid) is counted on some node. */
  hasPod(uid: string): boolean {
    return this.pods.has(uid);
  }

  podCount(): number {
    return this.pods.size;
  }

  private place(info: PodInfo, nodeName: string, assumed: boolean): void {
    this.ensureNode(nodeName).addPod(info);
    this.pods.set(info.uid, { info, nodeName, assumed, bindingFinished: false });
  }

  private unplace(uid: string): void {
    const st = this.pods.get(uid);
    if (!st) return;
    const ni = this.nodes.get(st.nodeName);
    ni?.removePod(uid);
    if (ni && !ni.node && ni.pods.length === 0) {
      this.nodes.delete(st.nodeName);
      this.listCache = undefined;
    }
    this.pods.delete(uid);
  }

  /** Counts the pod on `nodeName` before the binding is confirmed. */
  assumePod(info: PodInfo, nodeName: string): void {
    if (this.pods.has(info.uid)) throw new Error(`pod ${info.key}(${info.uid}) is in the cache, so can't be assumed`);
    this.place(info, nodeName, true);
  }

  finishBinding(uid: string): void {
    const st = this.pods.get(uid);
    if (st?.assumed) st.bindingFinished = true;
  }

  /** Takes an assumed pod off its node again (its binding failed). */
  forgetPod(uid: string): void {
    if (this.pods.get(uid)?.assumed) this.unplace(uid);
  }

  /** An assigned pod as the informer reports it (confirms an assumed pod). */
  addPod(pod: Pod): void {
    const info = new PodInfo(pod);
    const nodeName = pod.spec?.nodeName ?? '';
    if (this.pods.has(info.uid)) this.unplace(info.uid);
    this.place(info, nodeName, false);
  }

  updatePod(pod: Pod): void {
    this.addPod(pod);
  }

  removePod(pod: Pod): void {
    this.unplace(pod.metadata?.uid ?? '');
  }
}
