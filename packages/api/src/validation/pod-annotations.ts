/**
 * Annotations with a meaning for pods (pkg/apis/core/validation ValidatePodSpecificAnnotations and
 * ValidatePodSpecificAnnotationUpdates): the mirror-pod annotation and pod-deletion-cost.
 */
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, type FieldError, type FieldPath } from './field-errors.js';

export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

export function validatePodSpecificAnnotations(
  annotations: Record<string, string> | undefined,
  spec: PodSpec | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const a = annotations ?? {};
  const mirror = a[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !spec?.nodeName) {
    errs.push(invalidValue(p.key(MIRROR_POD_ANNOTATION), mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = a[POD_DELETION_COST_ANNOTATION];
  if (cost !== undefined) {
    const n = /^[+-]?\d+$/.test(cost) ? Number(cost) : Number.NaN;
    if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) {
      errs.push(invalidValue(p.key(POD_DELETION_COST_ANNOTATION), cost, 'must be a 32bit integer'));
    }
  }
  return errs;
}

/** The mirror-pod annotation may be neither added, removed nor changed by an update. */
export function validatePodAnnotationUpdates(
  newAnnotations: Record<string, string> | undefined,
  oldAnnotations: Record<string, string> | undefined,
  spec: PodSpec | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const n = newAnnotations ?? {};
  const o = oldAnnotations ?? {};
  for (const [k, oldVal] of Object.entries(o)) {
    if (k in n && n[k] === oldVal) continue;
    if (k === MIRROR_POD_ANNOTATION) errs.push(forbiddenField(p.key(k), 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(n)) {
    if (k in o) continue;
    if (k === MIRROR_POD_ANNOTATION) errs.push(forbiddenField(p.key(k), 'may not add mirror pod annotation'));
  }
  errs.push(...validatePodSpecificAnnotations(n, spec, p));
  return errs;
}
