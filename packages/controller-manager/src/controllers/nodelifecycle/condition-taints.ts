/**
 * Taints the node lifecycle controller owns: NoSchedule taints mirroring node conditions
 * (TaintNodesByCondition, doNoScheduleTaintingPass) and the NoExecute not-ready/unreachable
 * pair (processTaintBaseEviction).
 */
import type { Node, Taint } from '@kubelab/api';
import {
  matchTaint,
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../../util/taints.js';

export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };
export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set(
  Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)),
);

/** The NoSchedule taints a node's conditions (and spec.unschedulable) call for, and the diff. */
export function noScheduleTaintDiff(node: Node): { add: Taint[]; remove: Taint[] } {
  const want: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  const have = (node.spec?.taints ?? []).filter(
    (t) =>
      t.effect === 'NoSchedule' &&
      (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  );
  return {
    add: want.filter((w) => !have.some((h) => matchTaint(h, w))),
    remove: have.filter((h) => !want.some((w) => matchTaint(h, w))),
  };
}

/** SwapNodeControllerTaint's effect on a taint list (timeAdded stamped on the added ones). */
export function swapTaints(
  taints: readonly Taint[],
  add: readonly Taint[],
  remove: readonly Taint[],
  timeAdded: string,
): Taint[] {
  let out = taints.filter((t) => !remove.some((r) => matchTaint(t, r)));
  for (const a of add) {
    out = out.filter((t) => !matchTaint(t, a));
    out.push({ ...a, timeAdded });
  }
  return out;
}
