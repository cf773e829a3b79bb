/**
 * SelectVictimsOnNode: on a copy of the node, remove every pod of lower priority than the
 * preemptor; if the preemptor then fits, add them back one by one, most important first,
 * keeping each that still leaves room. Those that could not come back are the victims.
 */
import type { Pod } from '@kubelab/api';
import type { CycleState } from '../framework/cycle-state.js';
import type { Framework } from '../framework/framework.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';

export const ERR_NO_VICTIMS = 'No preemption victims found for incoming pod';

export type NodeFilter = (state: CycleState, pod: PodInfo, node: NodeInfo) => Status | undefined;

function startTime(p: Pod, now: number): number {
  const t = p.status?.startTime ? Date.parse(p.status.startTime) : Number.NaN;
  return Number.isNaN(t) ? now : t;
}

/** util.MoreImportantPod: higher priority, then started earlier. */
export function moreImportantPod(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a.pod, now) < startTime(b.pod, now);
}

export interface VictimsResult {
  victims?: PodInfo[];
  status?: Status;
}

export function selectVictimsOnNode(
  fwk: Framework,
  filter: NodeFilter,
  state: CycleState,
  pod: PodInfo,
  original: NodeInfo,
  now: number,
): VictimsResult {
  const node = original.clone();
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  for (const p of potential) {
    node.removePod(p.uid);
    fwk.runRemovePod(state, pod, p, node);
  }
  if (potential.length === 0) return { status: Status.unresolvable(ERR_NO_VICTIMS) };
  const st = filter(state, pod, node);
  if (st) return { status: st };
  potential.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
  const victims: PodInfo[] = [];
  for (const p of potential) {
    node.addPod(p);
    fwk.runAddPod(state, pod, p, node);
    if (filter(state, pod, node)) {
      node.removePod(p.uid);
      fwk.runRemovePod(state, pod, p, node);
      victims.push(p);
    }
  }
  return { victims };
}

/**
 * pickOneNodeForPreemption (no PDBs): the lowest highest-priority victim, then the lowest sum
 * of priorities, then the fewest victims, then the latest start of the earliest victim, then
 * the first.
 */
export function pickOneNodeForPreemption(candidates: Map<string, PodInfo[]>, now: number): string | undefined {
  let names = [...candidates.keys()];
  const scorers: ((victims: PodInfo[]) => number)[] = [
    (v) => -Math.max(...v.map((p) => p.priority)),
    (v) => -v.reduce((s, p) => s + p.priority + 2 ** 31, 0),
    (v) => -v.length,
    (v) => Math.min(...v.map((p) => startTime(p.pod, now))),
  ];
  for (const score of scorers) {
    if (names.length <= 1) break;
    let best = Number.NEGATIVE_INFINITY;
    let kept: string[] = [];
    for (const n of names) {
      const s = score(candidates.get(n) ?? []);
      if (s > best) {
        best = s;
        kept = [n];
      } else if (s === best) kept.push(n);
    }
    names = kept;
  }
  return names[0];
}
