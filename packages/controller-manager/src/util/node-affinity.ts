/**
 * Required node affinity as component-helpers/scheduling/corev1/nodeaffinity matches it:
 * spec.nodeSelector AND (any of the required nodeSelectorTerms). Terms with neither
 * expressions nor fields match nothing; matchFields knows metadata.name only.
 */
import type { Node, NodeSelectorRequirement, Pod } from '@kubelab/api';

function parseInt64(v: string): number | undefined {
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export function requirementMatches(
  req: NodeSelectorRequirement,
  value: string | undefined,
): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const have = parseInt64(value);
      const want = parseInt64(values[0] as string);
      if (have === undefined || want === undefined) return false;
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

export function nodeSelectorTermMatches(
  term: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] },
  node: Node,
): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  if (!exprs.every((r) => requirementMatches(r, labels[r.key]))) return false;
  return fields.every(
    (r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name ?? ''),
  );
}

/** GetRequiredNodeAffinity(pod).Match(node). */
export function podMatchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
    if (labels[k] !== v) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => nodeSelectorTermMatches(t, node));
}
