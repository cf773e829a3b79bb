/**
 * Just enough label and field selector matching for the fakes: `k=v`, `k==v`, `k!=v`, `k`,
 * `!k` for labels, `path=v` / `path!=v` on dotted field paths (metadata.name, spec.nodeName).
 */
type Requirement = { key: string; op: '=' | '!=' | 'exists' | '!exists'; value: string };

function parse(selector: string | undefined): Requirement[] {
  if (!selector) return [];
  return selector
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      const ne = term.indexOf('!=');
      if (ne > 0) return { key: term.slice(0, ne), op: '!=' as const, value: term.slice(ne + 2) };
      const eq = term.indexOf('=');
      if (eq > 0) {
        const value = term.slice(term[eq + 1] === '=' ? eq + 2 : eq + 1);
        return { key: term.slice(0, eq), op: '=' as const, value };
      }
      if (term.includes(' '))
        throw new Error(`fake selectors: unsupported selector ${JSON.stringify(term)}`);
      if (term.startsWith('!')) return { key: term.slice(1), op: '!exists' as const, value: '' };
      return { key: term, op: 'exists' as const, value: '' };
    });
}

function satisfied(r: Requirement, actual: string | undefined): boolean {
  switch (r.op) {
    case '=':
      return actual === r.value;
    case '!=':
      return actual !== r.value;
    case 'exists':
      return actual !== undefined;
    case '!exists':
      return actual === undefined;
  }
}

export function matchesLabels(
  selector: string | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return parse(selector).every((r) => satisfied(r, labels?.[r.key]));
}

function fieldValue(obj: unknown, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? undefined : String(cur as string);
}

/** Missing fields compare as the empty string, as the apiserver's field sets do. */
export function matchesFields(selector: string | undefined, obj: unknown): boolean {
  return parse(selector).every((r) => satisfied(r, fieldValue(obj, r.key) ?? ''));
}
