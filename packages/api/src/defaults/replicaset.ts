/** SetDefaults_ReplicaSet (apps/v1): replicas 1, plus the template's PodSpec defaults. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { defaultPodSpec } from './pod.js';

export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= { selector: {} });
  spec.replicas ??= 1;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}
