/**
 * helper.DefaultSelector: the selector of the pods that belong with this one, for system
 * default topology spreading: the merged selectors of the Services in its namespace that
 * select it, plus the selector of the ReplicaSet that controls it.
 */
import {
  labelSelectorFromMeta,
  selectorFromRequirements,
  selectorFromSet,
  type LabelRequirement,
  type LabelSelectorMatcher,
  type Pod,
  type ReplicaSet,
  type Service,
} from '@kubelab/api';

export interface DefaultSelectorListers {
  services(namespace: string): readonly Service[];
  replicaSet(namespace: string, name: string): ReplicaSet | undefined;
}

export function defaultSelector(pod: Pod, listers: DefaultSelectorListers): LabelSelectorMatcher {
  const ns = pod.metadata?.namespace ?? '';
  const labels = pod.metadata?.labels ?? {};
  const merged: Record<string, string> = {};
  for (const svc of listers.services(ns)) {
    const sel = svc.spec?.selector;
    if (!sel) continue;
    if (!selectorFromSet(sel).matches(labels)) continue;
    Object.assign(merged, sel);
  }
  const reqs: LabelRequirement[] = [...selectorFromSet(merged).requirements];
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
  if (owner && owner.kind === 'ReplicaSet' && owner.apiVersion.split('/')[0] === 'apps') {
    const rs = listers.replicaSet(ns, owner.name);
    if (rs?.spec?.selector) {
      try {
        reqs.push(...labelSelectorFromMeta(rs.spec.selector).requirements);
      } catch {
        // An invalid ReplicaSet selector adds nothing.
      }
    }
  }
  return selectorFromRequirements(reqs);
}
