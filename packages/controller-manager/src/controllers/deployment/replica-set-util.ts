/**
 * Picking a Deployment's ReplicaSets apart (deployment_util.go and controller_utils.go): which
 * one is new (same template, ignoring the hash label), which are old, and the orders upstream
 * sorts them in.
 */
import type { Deployment, ReplicaSet } from '@kubelab/api';
import {
  POD_TEMPLATE_HASH_LABEL,
  type PodTemplateSpec,
} from '../../util/pod-template-hash/compute-hash.js';
import { spewSprint } from '../../util/pod-template-hash/spew-printer.js';
import { revisionOf } from './annotations.js';
import { specReplicas } from './rollout-math.js';

const created = (rs: ReplicaSet): number => Date.parse(rs.metadata?.creationTimestamp ?? '') || 0;

/** ReplicaSetsByCreationTimestamp. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  if (created(a) === created(b))
    return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  return created(a) - created(b);
}

/** ReplicaSetsByRevision (oldest revision first). */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === rb || Number.isNaN(ra) || Number.isNaN(rb)) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(a, b);
  return specReplicas(b) - specReplicas(a);
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  if (specReplicas(a) === specReplicas(b)) return byCreationTimestamp(b, a);
  return specReplicas(b) - specReplicas(a);
}

export function filterActive(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => !!rs && specReplicas(rs) > 0);
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const c = structuredClone(t ?? {});
  if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return c;
}

/** EqualIgnoreHash: semantically equal templates once the pod-template-hash label is dropped. */
export function equalIgnoreHash(
  a: PodTemplateSpec | undefined,
  b: PodTemplateSpec | undefined,
): boolean {
  return (
    spewSprint('v1.PodTemplateSpec', withoutHash(a)) ===
    spewSprint('v1.PodTemplateSpec', withoutHash(b))
  );
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the deployment's. */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList]
    .sort(byCreationTimestamp)
    .find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every other ReplicaSet (allOld), and those still with replicas. */
export function findOldReplicaSets(
  d: Deployment,
  rsList: ReplicaSet[],
): { old: ReplicaSet[]; allOld: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOld = rsList.filter((rs) => rs.metadata?.uid !== newRS?.metadata?.uid);
  return { old: allOld.filter((rs) => specReplicas(rs) !== 0), allOld };
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest if none is, undefined if several are. */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  if (active.length === 1) return active[0];
  return undefined;
}
