/**
 * The scheduling framework's extension points, one small interface each
 * (pkg/scheduler/framework/interface.go). Plugins return undefined for success.
 */
import type { CycleState } from './cycle-state.js';
import type { ClusterEvent } from './cluster-events.js';
import type { FrameworkHandle } from './handle.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Status } from './status.js';

export const MAX_NODE_SCORE = 100;

export interface NodeScore {
  name: string;
  score: number;
}

export interface Plugin {
  readonly name: string;
  /** The cluster events that may make a pod this plugin rejected schedulable. */
  events?(): ClusterEvent[];
}

export interface PreFilterResult {
  /** Only these nodes need to be filtered (undefined: all). */
  nodeNames?: Set<string>;
}

export interface PreFilterOutcome {
  result?: PreFilterResult;
  /** Skip: the plugin's Filter has nothing to do; Unschedulable*: the pod cannot be scheduled. */
  status?: Status;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome;
  /** PreFilterExtensions: keep the cycle state right when a pod is (virtually) added to a node. */
  addPod?(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, node: NodeInfo): void;
  removePod?(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, node: NodeInfo): void;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined;
}

export interface PreScorePlugin extends Plugin {
  /** Returns Status.skip when the plugin's Score has nothing to do for this pod. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | undefined;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** ScoreExtensions.NormalizeScore: rescale this plugin's scores to 0..100 in place. */
  normalize?(state: CycleState, pod: PodInfo, scores: NodeScore[]): void;
}

export type PluginFactory = (handle: FrameworkHandle) => Plugin;

export const isPreFilter = (p: Plugin): p is PreFilterPlugin => typeof (p as PreFilterPlugin).preFilter === 'function';
export const isFilter = (p: Plugin): p is FilterPlugin => typeof (p as FilterPlugin).filter === 'function';
export const isPreScore = (p: Plugin): p is PreScorePlugin => typeof (p as PreScorePlugin).preScore === 'function';
export const isScore = (p: Plugin): p is ScorePlugin => typeof (p as ScorePlugin).score === 'function';
