/**
 * Where a DaemonSet's pod should run (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod, daemon/util): the template with the DaemonSet's default tolerations,
 * pinned to its node through a metadata.name matchFields term, matched against node name,
 * affinity and taints.
 */
import type { Affinity, DaemonSet, Node, Pod, PodSpec } from '@kubelab/api';
import { podMatchesNodeAffinity } from '../../util/node-affinity.js';
import {
  addOrUpdateToleration,
  findMatchingUntoleratedTaint,
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../../util/taints.js';

export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** AddOrUpdateDaemonPodTolerations. */
export function addDaemonPodTolerations(spec: PodSpec): void {
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_NOT_READY,
    operator: 'Exists',
    effect: 'NoExecute',
  });
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_UNREACHABLE,
    operator: 'Exists',
    effect: 'NoExecute',
  });
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_DISK_PRESSURE,
    operator: 'Exists',
    effect: 'NoSchedule',
  });
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_MEMORY_PRESSURE,
    operator: 'Exists',
    effect: 'NoSchedule',
  });
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_PID_PRESSURE,
    operator: 'Exists',
    effect: 'NoSchedule',
  });
  addOrUpdateToleration(spec, {
    key: TAINT_NODE_UNSCHEDULABLE,
    operator: 'Exists',
    effect: 'NoSchedule',
  });
  if (spec.hostNetwork) {
    addOrUpdateToleration(spec, {
      key: TAINT_NODE_NETWORK_UNAVAILABLE,
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  }
}

/** GetTemplateGeneration: from the deprecated annotation the apiserver keeps. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** CreatePodTemplate: tolerations, the template generation label and the revision hash label. */
export function daemonPodTemplate(
  ds: DaemonSet,
  hash: string,
): NonNullable<DaemonSet['spec']>['template'] {
  const t = structuredClone(ds.spec?.template ?? {});
  addDaemonPodTolerations((t.spec ??= { containers: [] }));
  const labels = ((t.metadata ??= {}).labels ??= {});
  const gen = templateGeneration(ds);
  if (gen !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(gen);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return t;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity. */
export function nodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const a = structuredClone(affinity ?? {});
  const na = (a.nodeAffinity ??= {});
  if (!na.requiredDuringSchedulingIgnoredDuringExecution) {
    na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  } else {
    na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [term];
  }
  return a;
}

/** GetTargetNodeName: spec.nodeName, else the node its matchFields term pins it to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1)
        return f.values[0];
    }
  }
  return undefined;
}

export interface ShouldRun {
  /** A daemon pod should be created here. */
  shouldRun: boolean;
  /** An existing daemon pod may stay (it tolerates the NoExecute taints). */
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const name = node.metadata?.name ?? '';
  const templateNode = ds.spec?.template?.spec?.nodeName;
  if (templateNode && templateNode !== name)
    return { shouldRun: false, shouldContinueRunning: false };
  const spec = structuredClone(ds.spec?.template?.spec ?? { containers: [] });
  addDaemonPodTolerations(spec);
  spec.nodeName = name;
  const pod: Pod = { metadata: { ...ds.spec?.template?.metadata }, spec };
  if (!podMatchesNodeAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const untolerated = findMatchingUntoleratedTaint(
    taints,
    spec.tolerations,
    (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule',
  );
  if (!untolerated) return { shouldRun: true, shouldContinueRunning: true };
  const noExecute = findMatchingUntoleratedTaint(
    taints,
    spec.tolerations,
    (t) => t.effect === 'NoExecute',
  );
  return { shouldRun: false, shouldContinueRunning: !noExecute };
}

/** IsPodUpdated: the pod carries the current revision hash (or template generation). */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches =
    generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
export function byCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (ta === tb) return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  return ta - tb;
}

/** A selector of `{}`: rejected with a SelectingAll event. */
export function selectsEverything(ds: DaemonSet): boolean {
  const sel = ds.spec?.selector;
  return (
    !!sel &&
    Object.keys(sel.matchLabels ?? {}).length === 0 &&
    (sel.matchExpressions ?? []).length === 0
  );
}
