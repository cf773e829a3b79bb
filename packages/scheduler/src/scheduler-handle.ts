/** The FrameworkHandle of a running scheduler: its cache plus informer-backed listers. */
import type { LabelSelectorMatcher, Namespace, Pod } from '@kubelab/api';
import type { SchedulerCache } from './cache/scheduler-cache.js';
import type { FrameworkHandle } from './framework/handle.js';
import type { NodeInfo } from './framework/node-info.js';
import { defaultSelector, type DefaultSelectorListers } from './helpers/default-selector.js';

export interface SchedulerListers extends DefaultSelectorListers {
  namespaces(): readonly Namespace[];
}

export const emptyListers: SchedulerListers = {
  namespaces: () => [],
  services: () => [],
  replicaSet: () => undefined,
};

export class SchedulerHandle implements FrameworkHandle {
  constructor(
    private readonly cache: SchedulerCache,
    private readonly listers: SchedulerListers = emptyListers,
  ) {}

  nodeInfos(): readonly NodeInfo[] {
    return this.cache.nodeList();
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.cache.nodeInfo(name);
  }

  namespaceLabels(namespace: string): Record<string, string> | undefined {
    return this.listers.namespaces().find((n) => n.metadata?.name === namespace)?.metadata?.labels ?? {};
  }

  namespacesMatching(selector: LabelSelectorMatcher): string[] {
    return this.listers
      .namespaces()
      .filter((n) => selector.matches(n.metadata?.labels ?? {}))
      .map((n) => n.metadata?.name ?? '');
  }

  defaultSpreadSelector(pod: Pod): LabelSelectorMatcher | undefined {
    const sel = defaultSelector(pod, this.listers);
    return sel.empty ? undefined : sel;
  }
}
