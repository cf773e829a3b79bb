/**
 * One scheduling attempt (schedulePod / findNodesThatFitPod / prioritizeNodes): PreFilter,
 * the nominated node first, Filter over the nodes (round-robin start, stopping once enough
 * feasible nodes are found), then PreScore, Score and selectHost. Runs synchronously over the
 * cache's NodeInfos, which nothing can change during the cycle.
 */
import type { CycleState } from '../framework/cycle-state.js';
import { ERR_NO_NODES_AVAILABLE, FitError, newDiagnosis, type Diagnosis } from '../framework/fit-error.js';
import type { Framework } from '../framework/framework.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';
import { numFeasibleNodesToFind } from './num-feasible-nodes.js';
import { selectHost } from './select-host.js';

export interface ScheduleResult {
  suggestedHost: string;
  evaluatedNodes: number;
  feasibleNodes: number;
}

/** The pods nominated (by preemption) to nodes, which others must leave room for. */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
}

export const noNominator: PodNominator = { nominatedPodsForNode: () => [] };

export class NoNodesAvailableError extends Error {
  constructor() {
    super(ERR_NO_NODES_AVAILABLE);
  }
}

export interface PodSchedulerOptions {
  framework: Framework;
  nominator?: PodNominator;
  random?: () => number;
  percentageOfNodesToScore?: number;
}

export class PodScheduler {
  private nextStartNodeIndex = 0;
  private readonly nominator: PodNominator;
  private readonly random: () => number;

  constructor(private readonly o: PodSchedulerOptions) {
    this.nominator = o.nominator ?? noNominator;
    this.random = o.random ?? Math.random;
  }

  get framework(): Framework {
    return this.o.framework;
  }

  /** A result, or a FitError; throws NoNodesAvailableError when there are no nodes at all. */
  schedule(state: CycleState, pod: PodInfo, allNodes: readonly NodeInfo[]): ScheduleResult | FitError {
    if (allNodes.length === 0) throw new NoNodesAvailableError();
    const { feasible, diagnosis } = this.findNodesThatFit(state, pod, allNodes);
    if (feasible.length === 0) return new FitError(allNodes.length, diagnosis);
    const evaluated = feasible.length + diagnosis.nodeToStatus.byNode.size;
    if (feasible.length === 1) return { suggestedHost: (feasible[0] as NodeInfo).name, evaluatedNodes: evaluated, feasibleNodes: 1 };
    const fwk = this.o.framework;
    fwk.runPreScore(state, pod, feasible);
    const host = selectHost(fwk.runScore(state, pod, feasible), this.random) ?? '';
    return { suggestedHost: host, evaluatedNodes: evaluated, feasibleNodes: feasible.length };
  }

  private findNodesThatFit(state: CycleState, pod: PodInfo, allNodes: readonly NodeInfo[]): { feasible: NodeInfo[]; diagnosis: Diagnosis } {
    const fwk = this.o.framework;
    const diagnosis = newDiagnosis();
    const pre = fwk.runPreFilter(state, pod, allNodes);
    for (const p of pre.nodeNamePlugins) diagnosis.unschedulablePlugins.add(p);
    if (pre.status) {
      diagnosis.nodeToStatus.absentNodesStatus = pre.status;
      diagnosis.preFilterMsg = pre.status.message();
      diagnosis.unschedulablePlugins.add(pre.status.plugin);
      return { feasible: [], diagnosis };
    }
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      const ni = allNodes.find((n) => n.name === nominated);
      if (ni && (!pre.nodeNames || pre.nodeNames.has(nominated)) && !this.filterWithNominatedPods(state, pod, ni)) {
        return { feasible: [ni], diagnosis };
      }
    }
    let nodes = allNodes;
    if (pre.nodeNames) {
      const names = pre.nodeNames;
      nodes = allNodes.filter((n) => names.has(n.name));
      const plugins = [...pre.nodeNamePlugins].sort().join(' ');
      diagnosis.nodeToStatus.absentNodesStatus = Status.unresolvable(`node(s) didn't satisfy plugin(s) [${plugins}]`);
    }
    const feasible: NodeInfo[] = [];
    const toFind = numFeasibleNodesToFind(nodes.length, this.o.percentageOfNodesToScore);
    let processed = 0;
    for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
      const ni = nodes[(this.nextStartNodeIndex + i) % nodes.length] as NodeInfo;
      processed++;
      const st = this.filterWithNominatedPods(state, pod, ni);
      if (!st) feasible.push(ni);
      else {
        diagnosis.nodeToStatus.set(ni.name, st);
        if (st.isRejected()) diagnosis.unschedulablePlugins.add(st.plugin);
      }
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % allNodes.length;
    return { feasible, diagnosis };
  }

  /** RunFilterPluginsWithNominatedPods: once with the nominated pods of equal or higher priority, once without. */
  filterWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const fwk = this.o.framework;
    const all = this.nominator.nominatedPodsForNode(node.name);
    if (all.length === 0) return fwk.runFilter(state, pod, node);
    const nominated = all.filter((p) => p.uid !== pod.uid && p.priority >= pod.priority);
    if (nominated.length === 0) return fwk.runFilter(state, pod, node);
    const withState = state.clone();
    const withNode = node.clone();
    for (const p of nominated) {
      withNode.addPod(p);
      fwk.runAddPod(withState, pod, p, withNode);
    }
    const first = fwk.runFilter(withState, pod, withNode);
    if (first) return first;
    return fwk.runFilter(state, pod, node);
  }
}
