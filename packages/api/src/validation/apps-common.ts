/**
 * Pieces shared by Deployment, ReplicaSet and DaemonSet validation (pkg/apis/apps/validation):
 * int-or-percent values, strict selectors, and the pod template of a replicated workload.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { labelSelectorFromMeta, type LabelSelectorMatcher } from '../selectors/index.js';
import { forbiddenField, notSupported, required, type FieldError, type FieldPath } from './field-errors.js';
import { FIELD_IMMUTABLE_ERROR_MSG, deepEqual, validateLabelSelector, validateNonnegative } from './common.js';
import { goLabelSelector, goStringMap, invalidGo } from './go-value.js';
import { isValidPercent } from './names.js';
import { validatePodTemplateSpec } from './pod-spec.js';

export type IntOrString = number | string;

/** IntOrString's String(): how upstream prints such a value (unquoted). */
export const intOrStringText = (v: IntOrString | undefined): string => String(v ?? 0);

export function validatePositiveIntOrPercent(v: IntOrString | undefined, p: FieldPath): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalidGo(p, v, m));
  return validateNonnegative(v ?? 0, p);
}

function percentValue(v: IntOrString | undefined): number | undefined {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number.parseInt(v.slice(0, -1), 10) : undefined;
}

/** getIntOrPercentValue: the percentage, the integer, or 0 for an unparsable string. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'number') return v;
  return /^[+-]?\d+$/.test(v ?? '') ? Number.parseInt(v ?? '0', 10) : 0;
}

export function isNotMoreThan100Percent(v: IntOrString | undefined, p: FieldPath): FieldError[] {
  const pct = percentValue(v);
  return pct !== undefined && pct > 100 ? [invalidGo(p, intOrStringText(v), 'must not be greater than 100%')] : [];
}

/**
 * A required, non-empty, strictly valid selector, as Deployment and ReplicaSet check it.
 * Returns the matcher when LabelSelectorAsSelector accepts it.
 */
export function validateStrictSelector(
  sel: LabelSelector | undefined,
  p: FieldPath,
  emptyMsg: string,
  errs: FieldError[],
): LabelSelectorMatcher | undefined {
  if (!sel) errs.push(required(p));
  else {
    errs.push(...validateLabelSelector(sel, p));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      errs.push(invalidGo(p, goLabelSelector(sel), emptyMsg));
    }
  }
  try {
    return labelSelectorFromMeta(sel);
  } catch {
    errs.push(invalidGo(p, goLabelSelector(sel), 'invalid label selector'));
    return undefined;
  }
}

export const SELECTOR_MISMATCH_MSG = '`selector` does not match template `labels`';

/** ValidatePodTemplateSpecForReplicaSet (also used for DaemonSets with their own messages). */
export function validateReplicatedTemplate(
  template: PodTemplateSpec | undefined,
  selector: LabelSelectorMatcher | undefined,
  p: FieldPath,
  kindName: string,
): FieldError[] {
  if (!template) return [required(p)];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  if (selector && !selector.empty && !selector.matches(labels)) {
    errs.push(invalidGo(p.child('metadata').child('labels'), goStringMap(labels), SELECTOR_MISMATCH_MSG));
  }
  errs.push(...validatePodTemplateSpec(template, p));
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(p.child('spec').child('restartPolicy'), restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField(p.child('spec').child('activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}

/** apps/v1 forbids changing spec.selector (checked by the registry strategies). */
export function validateSelectorImmutable(
  n: LabelSelector | undefined,
  o: LabelSelector | undefined,
  p: FieldPath,
): FieldError[] {
  return deepEqual(n, o) ? [] : [invalidGo(p, goLabelSelector(n), FIELD_IMMUTABLE_ERROR_MSG)];
}

/** Status counters that may not exceed status.replicas (and available ≤ ready). */
export function validateReplicaCounters(
  status: Record<string, number | undefined>,
  counters: string[],
  p: FieldPath,
  readyMsg = 'cannot be greater than readyReplicas',
): FieldError[] {
  const errs: FieldError[] = [];
  const replicas = status['replicas'] ?? 0;
  for (const c of counters) {
    const v = status[c] ?? 0;
    if (v > replicas) errs.push(invalidGo(p.child(c), String(v), 'cannot be greater than status.replicas'));
  }
  const available = status['availableReplicas'] ?? 0;
  if (available > (status['readyReplicas'] ?? 0)) {
    errs.push(invalidGo(p.child('availableReplicas'), String(available), readyMsg));
  }
  return errs;
}
