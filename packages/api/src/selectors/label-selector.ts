/**
 * Label selectors as k8s.io/apimachinery/pkg/labels exposes them: parse a `labelSelector` query
 * string, build one from a label set, match label maps, render the canonical string.
 */
import { parseLabelRequirements } from './label-parser.js';
import {
  requirementMatches,
  requirementString,
  type LabelRequirement,
} from './label-requirement.js';

export interface LabelSelectorMatcher {
  matches(labels: Record<string, string> | undefined): boolean;
  /** True when the selector does not restrict anything (matches every object). */
  readonly empty: boolean;
  /** The requirements, sorted by key. */
  readonly requirements: readonly LabelRequirement[];
  /** The value a requirement pins `key` to (`key=v`, `key==v`, `key in (v)`), if any. */
  requiresExactMatch(key: string): string | undefined;
  toString(): string;
}

class RequirementsSelector implements LabelSelectorMatcher {
  constructor(readonly requirements: readonly LabelRequirement[]) {}

  get empty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Record<string, string> | undefined): boolean {
    const ls = labels ?? {};
    return this.requirements.every((r) => requirementMatches(r, ls));
  }

  requiresExactMatch(key: string): string | undefined {
    const r = this.requirements.find((x) => x.key === key);
    if (!r) return undefined;
    const exact = r.operator === '=' || r.operator === '==' || r.operator === 'in';
    return exact && r.values.length === 1 ? r.values[0] : undefined;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** labels.Nothing(): matches no object; `empty` is false and the string is "". */
class NothingSelector implements LabelSelectorMatcher {
  readonly empty = false;
  readonly requirements: readonly LabelRequirement[] = [];
  matches(): boolean {
    return false;
  }
  requiresExactMatch(): string | undefined {
    return undefined;
  }
  toString(): string {
    return '';
  }
}

const byKey = (reqs: LabelRequirement[]): LabelRequirement[] =>
  reqs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i))
    .map((x) => x.r);

/** labels.Parse. Throws LabelSelectorError with the upstream message on bad input. */
export function parseLabelSelector(text: string): LabelSelectorMatcher {
  return new RequirementsSelector(parseLabelRequirements(text));
}

export function everythingSelector(): LabelSelectorMatcher {
  return new RequirementsSelector([]);
}

export function nothingSelector(): LabelSelectorMatcher {
  return new NothingSelector();
}

/** Selector from already-built requirements (sorted by key). */
export function selectorFromRequirements(reqs: LabelRequirement[]): LabelSelectorMatcher {
  return new RequirementsSelector(byKey(reqs));
}

/** labels.SelectorFromSet: `k=v` for each entry; an empty set selects everything. No validation. */
export function selectorFromSet(set: Record<string, string> | undefined): LabelSelectorMatcher {
  const reqs = Object.entries(set ?? {}).map(
    ([key, value]): LabelRequirement => ({ key, operator: '=', values: [value] }),
  );
  return selectorFromRequirements(reqs);
}
