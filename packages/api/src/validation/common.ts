/**
 * Small FieldError-producing checks shared by every kind (apimachinery/pkg/api/validation and
 * pkg/apis/meta/v1/validation): non-negative numbers, immutability, labels, label selectors.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1.js';
import {
  FieldPath,
  forbiddenField,
  invalidValue,
  required,
  type FieldError,
} from './field-errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names.js';

export type Path = FieldPath;
export const root = (name: string): FieldPath => FieldPath.root(name);

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

export function validateNonnegative(value: number | undefined, p: Path): FieldError[] {
  return value !== undefined && value < 0 ? [invalidValue(p, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** A Go zero value once decoded: absent, null, "", 0, false, [], or an object of zero values. */
export function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(isZero);
  return false;
}

/**
 * apiequality.Semantic.DeepEqual over JSON-shaped values: like the Go original (decoded structs),
 * a missing field equals its zero value, and nil equals empty for slices and maps.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isZero(a) && isZero(b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** ValidateImmutableField: `<path>: Invalid value: <new>: field is immutable`. */
export function validateImmutable(newVal: unknown, oldVal: unknown, p: Path): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [invalidValue(p, newVal ?? null, FIELD_IMMUTABLE_ERROR_MSG)];
}

export function validateDNS1123Label(value: string, p: Path): FieldError[] {
  return isDNS1123Label(value).map((m) => invalidValue(p, value, m));
}

export function validateDNS1123Subdomain(value: string, p: Path): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => invalidValue(p, value, m));
}

export function validateQualifiedName(value: string, p: Path): FieldError[] {
  return isQualifiedName(value).map((m) => invalidValue(p, value, m));
}

/** ValidateLabelName. */
export const validateLabelName = validateQualifiedName;

/** ValidateLabels: errors point at the map itself (`metadata.labels`), as upstream. */
export function validateLabels(labels: Record<string, string> | undefined, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, p));
    for (const m of isValidLabelValue(v)) errs.push(invalidValue(p, v, m));
  }
  return errs;
}

export function validateLabelSelectorRequirement(
  sr: LabelSelectorRequirement,
  p: Path,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbiddenField(
            p.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    default:
      errs.push(invalidValue(p.child('operator'), sr.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(sr.key, p.child('key')));
  values.forEach((v, i) => {
    for (const m of isValidLabelValue(v)) errs.push(invalidValue(p.child('values').index(i), v, m));
  });
  return errs;
}

/** ValidateLabelSelector with AllowInvalidLabelValueInSelector=false. */
export function validateLabelSelector(sel: LabelSelector | undefined, p: Path): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, p.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, p.child('matchExpressions').index(i)));
  });
  return errs;
}
