/**
 * One step of a field path (sigs.k8s.io/structured-merge-diff fieldpath.PathElement): a field of
 * a map or struct, the item of an associative list with these key values, the item of a set
 * with this value, or (for atomic lists only) an index. The order, equality, the FieldsV1 key
 * form (`f:name`, `k:{"name":"web"}`, `v:"a"`, `i:0`) and the human form (`.name`,
 * `[name="web"]`, `[="a"]`, `[0]`) are upstream's.
 */
import { hasOwn, isJsonMap } from '../patch/json-value.js';

/** Key fields of an associative list item, sorted by name. */
export type KeyFields = readonly (readonly [name: string, value: unknown])[];

export type PathElement =
  | { readonly field: string }
  | { readonly key: KeyFields }
  | { readonly value: unknown }
  | { readonly index: number };

export type FieldPath = readonly PathElement[];

export const fieldElement = (field: string): PathElement => ({ field });

/** A key element from unsorted name/value pairs. */
export function keyElement(fields: Record<string, unknown>): PathElement {
  const key = Object.keys(fields)
    .sort(compareStrings)
    .map((k) => [k, fields[k]] as const);
  return { key };
}

/** A path from field names, e.g. `makePath('spec', 'replicas')`. */
export function makePath(...fields: string[]): FieldPath {
  return fields.map(fieldElement);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** value.Compare: a total order over JSON values (numbers < strings < booleans < lists < maps < null). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1:
      return compareStrings(a as string, b as string);
    case 2:
      return a === b ? 0 : a ? 1 : -1;
    case 3:
      return compareLists(a as unknown[], b as unknown[]);
    case 4:
      return compareMaps(a as Record<string, unknown>, b as Record<string, unknown>);
    default:
      return 0;
  }
}

function rank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isJsonMap(v)) return 4;
  return 5;
}

function compareLists(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareMaps(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a).sort(compareStrings);
  const kb = Object.keys(b).sort(compareStrings);
  for (let i = 0; i < ka.length && i < kb.length; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return compareStrings(x, y);
    const c = compareValues(a[x], b[y]);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

function compareKeys(a: KeyFields, b: KeyFields): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const [an, av] = a[i] as readonly [string, unknown];
    const [bn, bv] = b[i] as readonly [string, unknown];
    if (an !== bn) return compareStrings(an, bn);
    const c = compareValues(av, bv);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Field names sort first, then keys, then values, then indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const ta = elementRank(a);
  const tb = elementRank(b);
  if (ta !== tb) return ta - tb;
  if ('field' in a) return compareStrings(a.field, (b as { field: string }).field);
  if ('key' in a) return compareKeys(a.key, (b as { key: KeyFields }).key);
  if ('value' in a) return compareValues(a.value, (b as { value: unknown }).value);
  return a.index - (b as { index: number }).index;
}

function elementRank(e: PathElement): number {
  if ('field' in e) return 0;
  if ('key' in e) return 1;
  if ('value' in e) return 2;
  return 3;
}

export function pathElementsEqual(a: PathElement, b: PathElement): boolean {
  return comparePathElements(a, b) === 0;
}

/** A Go `value.ToString`: strings quoted, other values as compact JSON. */
function valueToString(v: unknown): string {
  return JSON.stringify(v) ?? 'null';
}

/** `.spec`, `[name="web"]`, `[="a"]`, `[0]`. */
export function pathElementString(e: PathElement): string {
  if ('field' in e) return `.${e.field}`;
  if ('key' in e) return `[${e.key.map(([n, v]) => `${n}=${valueToString(v)}`).join(',')}]`;
  if ('value' in e) return `[=${valueToString(e.value)}]`;
  return `[${e.index}]`;
}

/** `.spec.template.spec.containers[name="web"].image`, as conflicts print paths. */
export function pathString(p: FieldPath): string {
  return p.map(pathElementString).join('');
}

/** The FieldsV1 key of an element: `f:replicas`, `k:{"containerPort":80,"protocol":"TCP"}`. */
export function serializePathElement(e: PathElement): string {
  if ('field' in e) return `f:${e.field}`;
  if ('key' in e) {
    const body = e.key.map(([n, v]) => `${JSON.stringify(n)}:${JSON.stringify(v)}`).join(',');
    return `k:{${body}}`;
  }
  if ('value' in e) return `v:${JSON.stringify(e.value)}`;
  return `i:${e.index}`;
}

export class UnknownPathElementError extends Error {}

/** Parses a FieldsV1 key; unknown prefixes throw UnknownPathElementError (callers skip them). */
export function parsePathElement(s: string): PathElement {
  const sep = s.indexOf(':');
  if (sep < 0) throw new Error(`missing colon: ${s}`);
  const kind = s.slice(0, sep);
  const rest = s.slice(sep + 1);
  switch (kind) {
    case 'f':
      return { field: rest };
    case 'v':
      return { value: JSON.parse(rest) as unknown };
    case 'i': {
      const index = Number(rest);
      if (!Number.isInteger(index)) throw new Error(`invalid index: ${s}`);
      return { index };
    }
    case 'k': {
      const parsed = JSON.parse(rest) as unknown;
      if (!isJsonMap(parsed)) throw new Error(`key must be an object: ${s}`);
      return keyElement(parsed);
    }
    default:
      throw new UnknownPathElementError(`unknown path element type: ${kind}`);
  }
}

/** The key fields of `item` (an object) for an associative list keyed by `keys`. */
export function keyFieldsOf(
  item: Record<string, unknown>,
  keys: readonly string[],
  defaults: Readonly<Record<string, unknown>> = {},
): PathElement {
  const fields: Record<string, unknown> = {};
  for (const k of keys) {
    if (hasOwn(item, k)) fields[k] = item[k];
    else if (hasOwn(defaults, k)) fields[k] = defaults[k];
    else {
      throw new Error(
        `associative list with keys has an element that omits key field "${k}" (and doesn't have default value)`,
      );
    }
  }
  return keyElement(fields);
}
