/**
 * One scheduling profile's plugins and how they run (frameworkImpl): PreFilter in order (an
 * Unschedulable status ends the cycle, Skip disables that plugin's Filter); Filter per node,
 * stopping at the first rejection; PreScore (Skip disables that plugin's Score); Score per
 * node, then each plugin's NormalizeScore, then the weighted sum.
 */
import type { CycleState } from './cycle-state.js';
import {
  isFilter,
  isPreFilter,
  isPreScore,
  isScore,
  type FilterPlugin,
  type NodeScore,
  type Plugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type ScorePlugin,
} from './interfaces.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { Status } from './status.js';

export interface WeightedPlugin {
  plugin: Plugin;
  /** The score weight (ignored for plugins that do not score). */
  weight: number;
}

export interface PreFilterRun {
  /** A rejection (with plugin set), or undefined when filtering may go on. */
  status?: Status;
  /** The intersection of the plugins' node name sets, if any plugin returned one. */
  nodeNames?: Set<string>;
  /** The plugins that returned a node name set (for the absent nodes' message). */
  nodeNamePlugins: string[];
}

export class Framework {
  readonly plugins: readonly Plugin[];
  private readonly preFilters: PreFilterPlugin[];
  private readonly filters: FilterPlugin[];
  private readonly preScores: PreScorePlugin[];
  private readonly scores: { plugin: ScorePlugin; weight: number }[];

  constructor(plugins: readonly WeightedPlugin[]) {
    this.plugins = plugins.map((p) => p.plugin);
    this.preFilters = this.plugins.filter(isPreFilter);
    this.filters = this.plugins.filter(isFilter);
    this.preScores = this.plugins.filter(isPreScore);
    this.scores = plugins.filter((p) => isScore(p.plugin)).map((p) => ({ plugin: p.plugin as ScorePlugin, weight: p.weight }));
  }

  runPreFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterRun {
    const run: PreFilterRun = { nodeNamePlugins: [] };
    let rejected: Status | undefined;
    for (const pl of this.preFilters) {
      const out = pl.preFilter(state, pod, nodes);
      const st = out.status;
      if (st?.code === 'Skip') {
        state.skipFilter.add(pl.name);
        continue;
      }
      if (st?.code === 'Unschedulable') {
        // Preemption may help: the other PreFilters still run (kubernetes#119770).
        rejected ??= st.withPlugin(pl.name);
        continue;
      }
      if (st && !st.isSuccess()) return { ...run, status: st.withPlugin(pl.name) };
      const names = (out.result as PreFilterResult | undefined)?.nodeNames;
      if (names) {
        run.nodeNamePlugins.push(pl.name);
        run.nodeNames = run.nodeNames ? new Set([...run.nodeNames].filter((n) => names.has(n))) : new Set(names);
        if (run.nodeNames.size === 0) {
          const ps = run.nodeNamePlugins;
          const msg = ps.length === 1 ? `node(s) didn't satisfy plugin ${ps[0] ?? ''}` : `node(s) didn't satisfy plugin(s) [${ps.join(' ')}] simultaneously`;
          return { ...run, status: new Status('UnschedulableAndUnresolvable', [msg]).withPlugin(pl.name) };
        }
      }
    }
    return rejected ? { ...run, status: rejected } : run;
  }

  /** Filter plugins on one node; undefined when the node fits. */
  runFilter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    for (const pl of this.filters) {
      if (state.skipFilter.has(pl.name)) continue;
      const st = pl.filter(state, pod, node);
      if (st && !st.isSuccess()) return st.withPlugin(pl.name);
    }
    return undefined;
  }

  /** RunPreFilterExtensionAddPod / RemovePod. */
  runAddPod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    for (const pl of this.preFilters) if (!state.skipFilter.has(pl.name)) pl.addPod?.(state, pod, other, node);
  }

  runRemovePod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): void {
    for (const pl of this.preFilters) if (!state.skipFilter.has(pl.name)) pl.removePod?.(state, pod, other, node);
  }

  runPreScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): void {
    for (const pl of this.preScores) {
      const st = pl.preScore(state, pod, nodes);
      if (st?.code === 'Skip') state.skipScore.add(pl.name);
    }
  }

  /** Weighted totals per node, in the order of `nodes`. */
  runScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): NodeScore[] {
    const totals: NodeScore[] = nodes.map((n) => ({ name: n.name, score: 0 }));
    for (const { plugin, weight } of this.scores) {
      if (state.skipScore.has(plugin.name)) continue;
      const scores: NodeScore[] = nodes.map((n) => ({ name: n.name, score: plugin.score(state, pod, n) }));
      plugin.normalize?.(state, pod, scores);
      for (let i = 0; i < scores.length; i++) (totals[i] as NodeScore).score += (scores[i] as NodeScore).score * weight;
    }
    return totals;
  }

  /** Per plugin: the cluster events that may make a pod it rejected schedulable. */
  eventsByPlugin(): Map<string, ReturnType<NonNullable<Plugin['events']>>> {
    return new Map(this.plugins.map((p) => [p.name, p.events?.() ?? []]));
  }

  hasPlugin(name: string): boolean {
    return this.plugins.some((p) => p.name === name);
  }
}

