/**
 * metav1.LabelSelectorAsSelector: turn an API `LabelSelector` (matchLabels + matchExpressions) into
 * a matcher. A missing selector matches nothing; an empty one matches everything.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { goQuote } from '../validation/go-value.js';
import {
  LabelSelectorError,
  newRequirement,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement.js';
import {
  nothingSelector,
  selectorFromRequirements,
  type LabelSelectorMatcher,
} from './label-selector.js';

const OPERATORS: Record<string, LabelOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** Throws LabelSelectorError with the upstream message when a requirement is invalid. */
export function labelSelectorFromMeta(sel: LabelSelector | null | undefined): LabelSelectorMatcher {
  if (sel === null || sel === undefined) return nothingSelector();
  const matchLabels = sel.matchLabels ?? {};
  const exprs = sel.matchExpressions ?? [];
  const reqs: LabelRequirement[] = [];
  // Go ranges over the map in random order; sorted keys make the first error deterministic.
  for (const key of Object.keys(matchLabels).sort()) {
    reqs.push(newRequirement(key, '=', [matchLabels[key] ?? '']));
  }
  for (const expr of exprs) {
    const op = OPERATORS[expr.operator];
    if (!op) throw new LabelSelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, expr.values && expr.values.length > 0 ? expr.values : null));
  }
  return selectorFromRequirements(reqs);
}
