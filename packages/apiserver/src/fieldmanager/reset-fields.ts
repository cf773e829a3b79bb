/**
 * The fields a write may not set and so nobody owns (each strategy's GetResetFields): the main
 * resource resets status; the status subresource resets spec, and for some kinds labels or
 * the pod's deletion timestamp and owner references.
 */
import type { ResourceInfo } from '@kubelab/api';
import { FieldSet } from './field-set.js';
import { makePath } from './path-element.js';

const STATUS_EXTRAS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '/Pod': [
    ['metadata', 'deletionTimestamp'],
    ['metadata', 'ownerReferences'],
  ],
  'apps/Deployment': [['metadata', 'labels']],
  'apps/ReplicaSet': [['metadata', 'labels']],
};

/** The reset fields of a write to `subresource` ('' for the main resource), if any. */
export function resetFields(info: ResourceInfo, subresource: string): FieldSet | undefined {
  const hasStatus = info.subresources.some((s) => s.name === 'status');
  if (!hasStatus) return undefined;
  if (subresource === '') return FieldSet.of(makePath('status'));
  if (subresource !== 'status') return undefined;
  const extras = STATUS_EXTRAS[`${info.group}/${info.kind}`] ?? [];
  return FieldSet.of(makePath('spec'), ...extras.map((p) => makePath(...p)));
}
