/**
 * The fields a value sets (typed.TypedValue.ToFieldSet): every leaf, every list item (also as a
 * member, so it is owned as a whole) and every entry of a map that is not a declared struct
 * field. An applied configuration's field set is what its manager owns.
 */
import { isJsonMap } from '../patch/json-value.js';
import { FieldSet } from './field-set.js';
import type { FieldPath } from './path-element.js';
import { fieldElement } from './path-element.js';
import type { TypeNode } from './type-schema.js';
import { listItemElement, shapeOf, underElement } from './typed-shape.js';

export function toFieldSet(value: unknown, node: TypeNode): FieldSet {
  const set = new FieldSet();
  walk(value, node, [], set);
  return set;
}

function walk(value: unknown, node: TypeNode, path: FieldPath, set: FieldSet): void {
  const shape = shapeOf(node, value);
  switch (shape.kind) {
    case 'leaf':
      set.insert(path);
      return;
    case 'list': {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => {
        const pe = listItemElement(shape.node, item, i);
        underElement(pe, () => walk(item, shape.node.items, [...path, pe], set));
        set.insert([...path, pe]);
      });
      return;
    }
    case 'map': {
      if (!isJsonMap(value)) return;
      for (const [k, v] of Object.entries(value)) {
        const pe = fieldElement(k);
        underElement(pe, () => walk(v, shape.entryType(k), [...path, pe], set));
        if (!shape.isField(k)) set.insert([...path, pe]);
      }
    }
  }
}
