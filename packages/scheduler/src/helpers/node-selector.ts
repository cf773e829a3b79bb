/**
 * Node selectors as component-helpers' nodeaffinity matches them: a pod's required node
 * affinity (spec.nodeSelector AND any of the required nodeSelectorTerms), and preferred terms
 * scored by weight. Terms are ORed, requirements within a term ANDed; a term without
 * requirements matches nothing; matchFields supports metadata.name with one value.
 */
import {
  newRequirement,
  requirementMatches,
  type LabelOperator,
  type LabelRequirement,
  type Node,
  type NodeSelectorRequirement,
  type Pod,
} from '@kubelab/api';

const OPS: Record<string, LabelOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

interface Term {
  labels: LabelRequirement[] | undefined;
  fields: LabelRequirement[] | undefined;
  /** Set when a requirement does not parse: the term then matches nothing. */
  error?: string;
}

type SelectorTerm = { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] };

function requirements(reqs: NodeSelectorRequirement[] | undefined, fields: boolean): LabelRequirement[] | undefined {
  if (!reqs || reqs.length === 0) return undefined;
  return reqs.map((r) => {
    const op = OPS[r.operator];
    if (!op) throw new Error(`"${r.operator}" is not a valid node selector operator`);
    if (fields) {
      if (r.key !== 'metadata.name') throw new Error(`"${r.key}" is not a valid field selector key`);
      if ((r.values ?? []).length !== 1) throw new Error(`unexpected number of value (${(r.values ?? []).length}) for node field selector requirement`);
      if (op !== 'in' && op !== 'notin') throw new Error(`"${r.operator}" is not a valid node field selector operator`);
      return { key: r.key, operator: op, values: r.values ?? [] };
    }
    return newRequirement(r.key, op, r.values && r.values.length > 0 ? r.values : null);
  });
}

export function parseTerm(t: SelectorTerm): Term {
  try {
    return { labels: requirements(t.matchExpressions, false), fields: requirements(t.matchFields, true) };
  } catch (err) {
    return { labels: undefined, fields: undefined, error: (err as Error).message };
  }
}

export function termMatches(t: Term, node: Node): boolean {
  if (t.error || (!t.labels && !t.fields)) return false;
  const labels = node.metadata?.labels ?? {};
  if (t.labels && !t.labels.every((r) => requirementMatches(r, labels))) return false;
  const fields = { 'metadata.name': node.metadata?.name ?? '' };
  if (t.fields && !t.fields.every((r) => requirementMatches(r, fields))) return false;
  return true;
}

/** nodeaffinity.RequiredNodeAffinity. */
export class RequiredNodeAffinity {
  private readonly labelSelector: Record<string, string> | undefined;
  private readonly terms: Term[] | undefined;

  constructor(pod: Pod) {
    const sel = pod.spec?.nodeSelector;
    this.labelSelector = sel && Object.keys(sel).length > 0 ? sel : undefined;
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.terms = required ? (required.nodeSelectorTerms ?? []).map(parseTerm) : undefined;
  }

  /** Whether there is anything to check. */
  get empty(): boolean {
    return !this.labelSelector && !this.terms;
  }

  matches(node: Node): boolean {
    if (this.labelSelector) {
      const labels = node.metadata?.labels ?? {};
      for (const [k, v] of Object.entries(this.labelSelector)) if (labels[k] !== v) return false;
    }
    if (this.terms) return this.terms.some((t) => termMatches(t, node));
    return true;
  }

  /**
   * The node names every term pins with `matchFields metadata.name In [x]` (as the NodeAffinity
   * PreFilter computes them); undefined when some term does not pin a name.
   */
  pinnedNodeNames(): Set<string> | undefined {
    if (!this.terms || this.terms.length === 0) return undefined;
    const names = new Set<string>();
    for (const t of this.terms) {
      const pin = t.fields?.find((r) => r.operator === 'in');
      if (!pin) return undefined;
      for (const v of pin.values) names.add(v);
    }
    return names;
  }
}

/** nodeaffinity.PreferredSchedulingTerms: the sum of the weights of the matching terms. */
export class PreferredSchedulingTerms {
  private readonly terms: { weight: number; term: Term }[];

  constructor(pod: Pod) {
    const prefs = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    this.terms = prefs.filter((p) => p.weight !== 0).map((p) => ({ weight: p.weight, term: parseTerm(p.preference) }));
  }

  get empty(): boolean {
    return this.terms.length === 0;
  }

  score(node: Node): number {
    let s = 0;
    for (const { weight, term } of this.terms) if (termMatches(term, node)) s += weight;
    return s;
  }
}
