/**
 * The scale subresource of Deployments and ReplicaSets (autoscaling/v1 Scale): reads
 * spec.replicas and the selector, writes spec.replicas.
 */
import type { ApiObject, LabelSelector } from '@kubelab/api';
import { invalid, invalidValue, labelSelectorFromMeta } from '@kubelab/api';

export interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

export function scaleOf(obj: ApiObject): Scale {
  const m = obj.metadata ?? {};
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const scale: Scale = {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0 },
  };
  if (spec.selector) scale.status.selector = labelSelectorFromMeta(spec.selector).toString();
  return scale;
}

/** The object with the replicas of a (validated) Scale written into it. */
export function applyScale(obj: ApiObject, scale: { metadata?: { name?: string; resourceVersion?: string }; spec?: { replicas?: number } }): ApiObject {
  const replicas = scale.spec?.replicas ?? 0;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw invalid({ group: 'autoscaling', kind: 'Scale' }, obj.metadata?.name ?? '', [
      invalidValue('spec.replicas', replicas, 'must be greater than or equal to 0'),
    ]);
  }
  const next: ApiObject = { ...obj, spec: { ...(obj.spec as object), replicas } };
  if (scale.metadata?.resourceVersion) next.metadata = { ...obj.metadata, resourceVersion: scale.metadata.resourceVersion };
  return next;
}
