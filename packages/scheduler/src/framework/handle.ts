/** What plugins may read besides the pod and node at hand (framework.Handle, narrowed). */
import type { LabelSelectorMatcher, Pod } from '@kubelab/api';
import type { NodeInfo } from './node-info.js';

export interface FrameworkHandle {
  /** Every node of the cycle's snapshot. */
  nodeInfos(): readonly NodeInfo[];
  nodeInfo(name: string): NodeInfo | undefined;
  /** A namespace's labels, when the namespace is known. */
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  /** The names of the namespaces whose labels match. */
  namespacesMatching(selector: LabelSelectorMatcher): string[];
  /**
   * helper.DefaultSelector: the selector built from the Services and ReplicaSets that select
   * the pod, for system default topology spreading; undefined when none do.
   */
  defaultSpreadSelector(pod: Pod): LabelSelectorMatcher | undefined;
}
