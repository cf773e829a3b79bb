/**
 * What changed between two values of a type (typed.TypedValue.Compare): leaves, list items and
 * map entries that the new value added, modified or removed. A container node that appears or
 * disappears is itself added or removed (which is what puts `.` into FieldsV1); `null` counts
 * as present, absent does not. Duplicate list items are compared as one atomic group.
 */
import { hasOwn, isJsonMap, jsonEqual } from '../patch/json-value.js';
import { FieldSet } from './field-set.js';
import type { FieldPath, PathElement } from './path-element.js';
import { fieldElement, serializePathElement } from './path-element.js';
import type { ListNode, TypeNode } from './type-schema.js';
import type { Shape } from './typed-shape.js';
import { listItemElement, sharedShape, TypedValueError } from './typed-shape.js';

export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

export function compareValues(lhs: unknown, rhs: unknown, node: TypeNode): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walk(lhs, rhs, node, [], c);
  return c;
}

export function isSame(c: Comparison): boolean {
  return c.added.isEmpty() && c.modified.isEmpty() && c.removed.isEmpty();
}

/** Comparison.ExcludeFields: drops `fields` (and everything below them) from all three sets. */
export function excludeFields(c: Comparison, fields: FieldSet | undefined): Comparison {
  if (!fields || fields.isEmpty()) return c;
  return {
    added: c.added.recursiveDifference(fields),
    modified: c.modified.recursiveDifference(fields),
    removed: c.removed.recursiveDifference(fields),
  };
}

function leaf(lhs: unknown, rhs: unknown, path: FieldPath, c: Comparison): void {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!jsonEqual(lhs, rhs)) c.modified.insert(path);
}

function walk(lhs: unknown, rhs: unknown, node: TypeNode, path: FieldPath, c: Comparison): void {
  const shape = sharedShape(node, lhs, rhs);
  if (shape.kind === 'leaf' || (isEmptyAs(shape, lhs) && isEmptyAs(shape, rhs))) {
    leaf(lhs, rhs, path, c);
    return;
  }
  if (shape.kind === 'list') walkList(asList(lhs), asList(rhs), shape.node, path, c);
  else walkMap(lhs, rhs, shape, path, c);
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

/** walk below `pe`, naming `pe` in a schema error (underElement, without a closure per node). */
function walkUnder(pe: PathElement, lhs: unknown, rhs: unknown, node: TypeNode, path: FieldPath, c: Comparison): void {
  try {
    walk(lhs, rhs, node, path, c);
  } catch (err) {
    throw err instanceof TypedValueError ? err.withPrefix(pe) : err;
  }
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Empty or null as the shape's kind. Empty or null on both sides is compared as a leaf, which
 * keeps `[]` and `null` apart.
 */
function isEmptyAs(shape: Shape, v: unknown): boolean {
  if (shape.kind === 'list') return !Array.isArray(v) || v.length === 0;
  if (!isJsonMap(v)) return true;
  for (const _ in v) return false;
  return true;
}

function walkMap(lhs: unknown, rhs: unknown, shape: Extract<Shape, { kind: 'map' }>, path: FieldPath, c: Comparison): void {
  const l = isJsonMap(lhs) ? lhs : {};
  const r = isJsonMap(rhs) ? rhs : {};
  for (const k of Object.keys(l)) walkEntry(k, l[k], r[k], shape, path, c);
  for (const k of Object.keys(r)) if (!hasOwn(l, k)) walkEntry(k, undefined, r[k], shape, path, c);
}

function walkEntry(k: string, lv: unknown, rv: unknown, shape: Extract<Shape, { kind: 'map' }>, path: FieldPath, c: Comparison): void {
  const pe = fieldElement(k);
  walkUnder(pe, lv, rv, shape.entryType(k), [...path, pe], c);
}

interface Group {
  readonly pe: PathElement;
  readonly lhs: unknown[];
  readonly rhs: unknown[];
}

function groupItems(groups: Map<string, Group>, items: unknown[], node: ListNode, side: 'lhs' | 'rhs'): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const pe = listItemElement(node, item, i);
    const id = serializePathElement(pe);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { pe, lhs: [], rhs: [] }));
    g[side].push(item);
  }
}

function walkList(lhs: unknown[], rhs: unknown[], node: ListNode, path: FieldPath, c: Comparison): void {
  const groups = new Map<string, Group>();
  groupItems(groups, lhs, node, 'lhs');
  groupItems(groups, rhs, node, 'rhs');
  for (const g of groups.values()) {
    const itemPath = [...path, g.pe];
    if (g.lhs.length <= 1 && g.rhs.length <= 1) walkUnder(g.pe, g.lhs[0], g.rhs[0], node.items, itemPath, c);
    else if (g.lhs.length >= 2 && g.rhs.length >= 2) {
      if (!jsonEqual(g.lhs, g.rhs)) c.modified.insert(itemPath);
    } else if (g.lhs.length >= 2) {
      if (g.rhs.length > 0) walkUnder(g.pe, undefined, g.rhs[0], node.items, itemPath, c);
      c.removed.insert(itemPath);
    } else {
      if (g.lhs.length > 0) walkUnder(g.pe, g.lhs[0], undefined, node.items, itemPath, c);
      c.added.insert(itemPath);
    }
  }
}
