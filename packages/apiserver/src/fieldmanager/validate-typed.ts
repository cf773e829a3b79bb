/**
 * The checks structured-merge-diff makes when it turns an applied configuration into a typed
 * value: every associative list item has its keys (or a default for them), set items are
 * scalars, and no key appears twice. Throws TypedValueError.
 */
import { isJsonMap } from '../patch/json-value.js';
import { fieldElement, pathElementString, serializePathElement } from './path-element.js';
import type { TypeNode } from './type-schema.js';
import { listItemElement, shapeOf, TypedValueError, underElement } from './typed-shape.js';

export function validateTyped(value: unknown, node: TypeNode): void {
  const shape = shapeOf(node, value);
  if (shape.kind === 'leaf') return;
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) return;
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const pe = listItemElement(shape.node, item, i);
      const id = serializePathElement(pe);
      if (seen.has(id)) throw new TypedValueError('', `duplicate entries for key ${pathElementString(pe)}`);
      seen.add(id);
      underElement(pe, () => validateTyped(item, shape.node.items));
    });
    return;
  }
  if (!isJsonMap(value)) return;
  for (const [k, v] of Object.entries(value)) {
    underElement(fieldElement(k), () => validateTyped(v, shape.entryType(k)));
  }
}
