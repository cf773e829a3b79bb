/**
 * Label selector rendering as upstream metav1.LabelSelectorAsSelector(...).String() and
 * metav1.FormatLabelSelector print it: requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`.
 */
import type { LabelSelector, LabelSelectorRequirement } from '@kubelab/api';
import { NONE } from './helpers.js';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.length === 2 ? (parts[1] ?? '') : key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length > 0 && name.length <= 63 && NAME.test(name);
}

function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}

interface Requirement {
  key: string;
  text: string;
}

function valueList(values: readonly string[]): string {
  return values.length === 1 ? (values[0] ?? '') : [...values].sort().join(',');
}

function fromExpression(expr: LabelSelectorRequirement): Requirement | undefined {
  const values = expr.values ?? [];
  if (!isQualifiedName(expr.key) || !values.every(isLabelValue)) return undefined;
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return undefined;
      return {
        key: expr.key,
        text: `${expr.key} ${expr.operator === 'In' ? 'in' : 'notin'} (${valueList(values)})`,
      };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) return undefined;
      return { key: expr.key, text: expr.operator === 'Exists' ? expr.key : `!${expr.key}` };
    default:
      return undefined;
  }
}

/**
 * `LabelSelectorAsSelector(sel).String()`: `''` for a nil or empty selector, `undefined` when
 * the selector is invalid.
 */
export function labelSelectorString(sel: LabelSelector | null | undefined): string | undefined {
  if (!sel) return '';
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    if (!isQualifiedName(key) || !isLabelValue(value)) return undefined;
    requirements.push({ key, text: `${key}=${value}` });
  }
  for (const expr of sel.matchExpressions ?? []) {
    const req = fromExpression(expr);
    if (!req) return undefined;
    requirements.push(req);
  }
  // Array.prototype.sort is stable, like the insertion sort Go uses for short lists.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((r) => r.text).join(',');
}

/** `metav1.FormatLabelSelector`: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  const text = labelSelectorString(sel);
  if (text === undefined) return '<error>';
  return text === '' ? NONE : text;
}
