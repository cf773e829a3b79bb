/**
 * Why a pod fits no node (framework.FitError and Diagnosis), and the message upstream prints:
 *   0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
 *   2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
 * Reasons are counted over nodes (statuses recorded per node, plus a default status for the
 * nodes absent from the map), rendered as `<count> <reason>` and sorted as strings.
 */
import type { Status } from './status.js';

export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** framework.NodeToStatus: statuses of the nodes that were tried, and one for the rest. */
export class NodeToStatus {
  readonly byNode = new Map<string, Status>();
  absentNodesStatus: Status | undefined;

  set(node: string, s: Status): void {
    this.byNode.set(node, s);
  }

  get(node: string): Status | undefined {
    return this.byNode.get(node) ?? this.absentNodesStatus;
  }
}

export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** The plugins that rejected the pod (for requeueing on their events). */
  unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Go's sort.Strings: byte-wise order. */
function goSort(a: string[]): string[] {
  return a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of d.nodeToStatus.byNode.values()) {
      for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const absent = numAllNodes - d.nodeToStatus.byNode.size;
    if (absent > 0) {
      for (const r of d.nodeToStatus.absentNodesStatus?.reasons ?? []) counts.set(r, (counts.get(r) ?? 0) + absent);
    }
    const parts = goSort([...counts].map(([r, n]) => `${n} ${r}`));
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}.`;
  return msg;
}

/** The outcome of a cycle that found no node; text() renders the current diagnosis. */
export class FitError {
  constructor(
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}

  text(): string {
    return fitErrorMessage(this.numAllNodes, this.diagnosis);
  }
}
