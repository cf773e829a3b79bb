/**
 * What changed between two values of a type (typed.TypedValue.Compare): leaves, list items and
 * map entries that the new value added, modified or removed. A container node that appears or
 * disappears is itself added or removed (which is what puts `.` into FieldsV1); `null` counts
 * as present, absent does not. Duplicate list items are compared as one atomic group.
 */
import { isJsonMap, jsonEqual } from '../patch/json-value.js';
import { FieldSet } from './field-set.js';
import type { FieldPath, PathElement } from './path-element.js';
import { fieldElement, serializePathElement } from './path-element.js';
import type { ListNode, TypeNode } from './type-schema.js';
import type { Shape } from './typed-shape.js';
import { listItemElement, sharedShape, underElement } from './typed-shape.js';

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
  if (shape.kind === 'leaf' || bothEmpty(shape, lhs, rhs)) {
    leaf(lhs, rhs, path, c);
    return;
  }
  if (shape.kind === 'list') walkList(asList(lhs), asList(rhs), shape.node, path, c);
  else walkMap(lhs, rhs, shape, path, c);
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Empty or null on both sides: compared as a leaf, which keeps `[]` and `null` apart. */
function bothEmpty(shape: Shape, lhs: unknown, rhs: unknown): boolean {
  const empty = (v: unknown): boolean =>
    shape.kind === 'list' ? !Array.isArray(v) || v.length === 0 : !isJsonMap(v) || Object.keys(v).length === 0;
  return empty(lhs) && empty(rhs);
}

function walkMap(lhs: unknown, rhs: unknown, shape: Extract<Shape, { kind: 'map' }>, path: FieldPath, c: Comparison): void {
  const l = isJsonMap(lhs) ? lhs : {};
  const r = isJsonMap(rhs) ? rhs : {};
  const keys = new Set([...Object.keys(l), ...Object.keys(r)]);
  for (const k of keys) {
    const pe = fieldElement(k);
    underElement(pe, () => walk(l[k], r[k], shape.entryType(k), [...path, pe], c));
  }
}

interface Group {
  readonly pe: PathElement;
  readonly lhs: unknown[];
  readonly rhs: unknown[];
}

function walkList(lhs: unknown[], rhs: unknown[], node: ListNode, path: FieldPath, c: Comparison): void {
  const groups = new Map<string, Group>();
  const add = (items: unknown[], side: 'lhs' | 'rhs'): void => {
    items.forEach((item, i) => {
      const pe = listItemElement(node, item, i);
      const id = serializePathElement(pe);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { pe, lhs: [], rhs: [] }));
      g[side].push(item);
    });
  };
  add(lhs, 'lhs');
  add(rhs, 'rhs');
  for (const g of groups.values()) {
    const itemPath = [...path, g.pe];
    const item = (l: unknown, r: unknown): void => underElement(g.pe, () => walk(l, r, node.items, itemPath, c));
    if (g.lhs.length <= 1 && g.rhs.length <= 1) item(g.lhs[0], g.rhs[0]);
    else if (g.lhs.length >= 2 && g.rhs.length >= 2) {
      if (!jsonEqual(g.lhs, g.rhs)) c.modified.insert(itemPath);
    } else if (g.lhs.length >= 2) {
      if (g.rhs.length > 0) item(undefined, g.rhs[0]);
      c.removed.insert(itemPath);
    } else {
      if (g.lhs.length > 0) item(g.lhs[0], undefined);
      c.added.insert(itemPath);
    }
  }
}
