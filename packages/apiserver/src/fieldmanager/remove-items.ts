/**
 * A value without the fields, map entries and list items of a set (typed.TypedValue.RemoveItems).
 * Containers that end up empty are dropped (as a Go object with omitempty fields would be).
 */
import { isJsonMap, setOwn } from '../patch/json-value.js';
import type { JsonMap } from '../patch/json-value.js';
import type { FieldSet } from './field-set.js';
import { fieldElement } from './path-element.js';
import type { TypeNode } from './type-schema.js';
import { listItemElement, shapeOf } from './typed-shape.js';

/** The value without `toRemove`; undefined when nothing of it is left. */
export function removeItems(value: unknown, toRemove: FieldSet, node: TypeNode): unknown {
  const shape = shapeOf(node, value);
  if (shape.kind === 'leaf') {
    if (Array.isArray(value) || isJsonMap(value)) {
      // Something below an atomic container: upstream removes the whole container.
      return (Array.isArray(value) ? value.length : Object.keys(value).length) === 0 ? value : undefined;
    }
    return value;
  }
  if (shape.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0) return value;
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const pe = listItemElement(shape.node, item, i);
      if (toRemove.has([pe])) return;
      const sub = toRemove.withPrefix(pe);
      const v = sub.isEmpty() ? item : removeItems(item, sub, shape.node.items);
      if (v !== undefined) out.push(v);
    });
    return out.length > 0 ? out : undefined;
  }
  if (!isJsonMap(value) || Object.keys(value).length === 0) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) {
    const pe = fieldElement(k);
    if (toRemove.has([pe])) continue;
    const sub = toRemove.withPrefix(pe);
    const kept = sub.isEmpty() ? v : removeItems(v, sub, shape.entryType(k));
    if (kept !== undefined) setOwn(out, k, kept);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
