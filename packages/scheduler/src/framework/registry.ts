/**
 * The default profile (kube-scheduler v1.32, default-scheduler): plugins in the default
 * MultiPoint order, with the default score weights (TaintToleration 3, NodeAffinity 2,
 * NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesBalancedAllocation 1).
 */
import { BalancedAllocationPlugin } from '../plugins/balanced-allocation.js';
import { InterPodAffinityPlugin } from '../plugins/inter-pod-affinity/inter-pod-affinity.js';
import { NodeAffinityPlugin } from '../plugins/node-affinity.js';
import { NodeNamePlugin } from '../plugins/node-name.js';
import { NodePortsPlugin } from '../plugins/node-ports.js';
import { NodeResourcesFitPlugin } from '../plugins/node-resources-fit.js';
import { NodeUnschedulablePlugin } from '../plugins/node-unschedulable.js';
import { PodTopologySpreadPlugin } from '../plugins/pod-topology-spread/pod-topology-spread.js';
import { TaintTolerationPlugin } from '../plugins/taint-toleration.js';
import { Framework, type WeightedPlugin } from './framework.js';
import type { FrameworkHandle } from './handle.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export const DEFAULT_SCORE_WEIGHTS: Readonly<Record<string, number>> = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
};

export function defaultPlugins(handle: FrameworkHandle): WeightedPlugin[] {
  const plugins = [
    new NodeUnschedulablePlugin(),
    new NodeNamePlugin(),
    new TaintTolerationPlugin(),
    new NodeAffinityPlugin(),
    new NodePortsPlugin(),
    new NodeResourcesFitPlugin(),
    new PodTopologySpreadPlugin(handle),
    new InterPodAffinityPlugin(handle),
    new BalancedAllocationPlugin(),
  ];
  return plugins.map((plugin) => ({ plugin, weight: DEFAULT_SCORE_WEIGHTS[plugin.name] ?? 0 }));
}

export function defaultFramework(handle: FrameworkHandle): Framework {
  return new Framework(defaultPlugins(handle));
}
