/**
 * An applied configuration merged into the live object (typed.TypedValue.Merge with
 * ruleKeepRHS): leaves and atomic containers take the applied value, map entries and
 * associative list items merge one by one. Live list items keep their order, new items follow
 * in applied order. Neither input is modified.
 */
import { deepCopyJson, isJsonMap, setOwn } from '../patch/json-value.js';
import type { JsonMap } from '../patch/json-value.js';
import type { PathElement } from './path-element.js';
import { fieldElement, pathElementString, serializePathElement } from './path-element.js';
import type { ListNode, TypeNode } from './type-schema.js';
import type { Shape } from './typed-shape.js';
import { listItemElement, sharedShape, TypedValueError, underElement } from './typed-shape.js';

/** The merged value; undefined when neither side has one. */
export function mergeValues(lhs: unknown, rhs: unknown, node: TypeNode): unknown {
  const shape = sharedShape(node, lhs, rhs);
  if (shape.kind === 'leaf' || bothEmpty(shape, lhs, rhs)) return deepCopyJson(rhs !== undefined ? rhs : lhs);
  if (shape.kind === 'list') return mergeLists(asList(lhs), asList(rhs), shape.node);
  return mergeMaps(lhs, rhs, shape);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function bothEmpty(shape: Shape, lhs: unknown, rhs: unknown): boolean {
  const empty = (v: unknown): boolean =>
    shape.kind === 'list' ? !Array.isArray(v) || v.length === 0 : !isJsonMap(v) || Object.keys(v).length === 0;
  return empty(lhs) && empty(rhs);
}

function mergeMaps(lhs: unknown, rhs: unknown, shape: Extract<Shape, { kind: 'map' }>): JsonMap | undefined {
  const l = isJsonMap(lhs) ? lhs : {};
  const r = isJsonMap(rhs) ? rhs : {};
  const out: JsonMap = {};
  const visit = (k: string): void => {
    const pe = fieldElement(k);
    const v = underElement(pe, () => mergeValues(l[k], r[k], shape.entryType(k)));
    if (v !== undefined) setOwn(out, k, v);
  };
  for (const k of Object.keys(l)) visit(k);
  for (const k of Object.keys(r)) if (!Object.hasOwn(l, k)) visit(k);
  return Object.keys(out).length > 0 ? out : undefined;
}

function mergeLists(lhs: unknown[], rhs: unknown[], node: ListNode): unknown[] | undefined {
  const applied = new Map<string, { pe: PathElement; item: unknown }>();
  rhs.forEach((item, i) => {
    const pe = listItemElement(node, item, i);
    const id = serializePathElement(pe);
    if (applied.has(id)) throw new TypedValueError('', `rhs: duplicate entries for key ${pathElementString(pe)}`);
    applied.set(id, { pe, item });
  });
  const out: unknown[] = [];
  const seen = new Set<string>();
  lhs.forEach((item, i) => {
    const pe = listItemElement(node, item, i);
    const id = serializePathElement(pe);
    const a = applied.get(id);
    if (seen.has(id)) {
      // A duplicate in the live list survives only when the configuration does not set the key.
      if (!a) out.push(deepCopyJson(item));
      return;
    }
    seen.add(id);
    const v = underElement(pe, () => mergeValues(item, a?.item, node.items));
    if (v !== undefined) out.push(v);
  });
  for (const [id, { pe, item }] of applied) {
    if (seen.has(id)) continue;
    const v = underElement(pe, () => mergeValues(undefined, item, node.items));
    if (v !== undefined) out.push(v);
  }
  return out.length > 0 ? out : undefined;
}

