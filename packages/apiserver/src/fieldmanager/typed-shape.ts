/**
 * How the walkers (to-field-set, compare, merge, remove-items) see one value against its type:
 * a leaf (scalars and atomic containers), a granular map (structs and maps, whose entries are
 * walked one by one), or an associative list (whose items are walked by key or value). This is
 * structured-merge-diff's deduceAtom/handleAtom, and listItemToPathElement for list items.
 */
import { isJsonMap } from '../patch/json-value.js';
import type { PathElement } from './path-element.js';
import { keyFieldsOf, pathElementString } from './path-element.js';
import type { ListNode, MapNode, StructNode, TypeNode } from './type-schema.js';
import { DEDUCED } from './type-schema.js';

export type Shape =
  | { readonly kind: 'leaf' }
  | { readonly kind: 'map'; readonly entryType: (key: string) => TypeNode; readonly isField: (key: string) => boolean }
  | { readonly kind: 'list'; readonly node: ListNode };

const LEAF: Shape = { kind: 'leaf' };
const DEDUCED_MAP: Shape = { kind: 'map', entryType: () => DEDUCED, isField: () => false };

/** The shape of `value` (undefined: absent, null: explicit null) as a `node`. */
export function shapeOf(node: TypeNode, value: unknown): Shape {
  const isNull = value === null || value === undefined;
  switch (node.kind) {
    case 'scalar':
      return LEAF;
    case 'deduced':
      return isNull || isJsonMap(value) ? DEDUCED_MAP : LEAF;
    case 'list':
      if (!node.associative || (!isNull && !Array.isArray(value))) return LEAF;
      return { kind: 'list', node };
    case 'map':
    case 'struct':
      if (node.atomic || (!isNull && !isJsonMap(value))) return LEAF;
      return granular(node);
  }
}

const granularShapes = new WeakMap<MapNode | StructNode, Shape>();

/** The (value-independent, so cached) map shape of a granular map or struct. */
function granular(node: MapNode | StructNode): Shape {
  let shape = granularShapes.get(node);
  if (!shape) {
    if (node.kind === 'map') {
      const values = node.values;
      shape = { kind: 'map', entryType: () => values, isField: () => false };
    } else {
      const fields = node.fields;
      shape = { kind: 'map', entryType: (k) => fields.get(k) ?? DEDUCED, isField: (k) => fields.has(k) };
    }
    granularShapes.set(node, shape);
  }
  return shape;
}

/** The shape both sides of a comparison or merge share; a leaf when they disagree. */
export function sharedShape(node: TypeNode, lhs: unknown, rhs: unknown): Shape {
  const l = shapeOf(node, lhs);
  const r = shapeOf(node, rhs);
  if (lhs === undefined || lhs === null) return r;
  if (rhs === undefined || rhs === null) return l;
  return l.kind === r.kind ? r : LEAF;
}

/** A schema violation, reported as structured-merge-diff does: `.spec.ports: element 0: ...`. */
export class TypedValueError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }

  withPrefix(pe: PathElement): TypedValueError {
    return new TypedValueError(pathElementString(pe) + this.path, this.detail);
  }
}

/** The path element of a list item (listItemToPathElement); throws TypedValueError on bad items. */
export function listItemElement(node: ListNode, item: unknown, index: number): PathElement {
  try {
    if (node.keys.length > 0) {
      if (item === null) throw new Error('associative list with keys may not have a null element');
      if (!isJsonMap(item)) throw new Error('associative list with keys may not have non-map elements');
      const defaults = node.items.kind === 'struct' ? node.items.keyDefaults : {};
      return keyFieldsOf(item, node.keys, defaults);
    }
    if (isJsonMap(item)) throw new Error("associative list without keys has an element that's a map type");
    if (Array.isArray(item)) throw new Error('not supported: associative list with lists as elements');
    if (item === null) throw new Error("associative list without keys has an element that's an explicit null");
    return { value: item };
  } catch (err) {
    throw new TypedValueError('', `element ${index}: ${(err as Error).message}`);
  }
}

/** Runs `fn`, prefixing a TypedValueError it throws with `pe`. */
export function underElement<T>(pe: PathElement, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof TypedValueError ? err.withPrefix(pe) : err;
  }
}
