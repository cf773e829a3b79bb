/**
 * Unknown-field detection for `fieldValidation=Strict|Warn`: the fields of a decoded request
 * body that the kind's schema does not declare, as upstream's strict JSON decoder reports them
 * (`spec.foo`, `spec.containers[0].imagee`, in document order, at most 100).
 */
import type { FieldNode } from './field-tree.js';
import { fieldTreeFor } from './field-tree.js';
import type { GroupVersionKind } from './openapi-schema.js';
import { schemaNameForKind } from './schema-registry.js';

/** sigs.k8s.io/json stops collecting strict errors after this many. */
export const MAX_UNKNOWN_FIELDS = 100;

/**
 * Paths of the fields in `obj` that the schema of `gvk` does not know, without a leading dot
 * (the form upstream quotes: `unknown field "spec.foo"`). A kind without a schema, or a value
 * of the wrong shape (a string where an object belongs), yields no paths: those are decoding
 * errors, not unknown fields.
 */
export function findUnknownFields(gvk: GroupVersionKind, obj: unknown): string[] {
  const name = schemaNameForKind(gvk);
  const root = name ? fieldTreeFor(name) : undefined;
  if (!root) return [];
  const out: string[] = [];
  walk(root, obj, '', out);
  return out;
}

function walk(node: FieldNode, value: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_UNKNOWN_FIELDS || value === null || typeof value !== 'object') return;
  switch (node.kind) {
    case 'any':
      return;
    case 'array':
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => walk(node.items, item, `${path}[${i}]`, out));
      return;
    case 'map':
      if (Array.isArray(value)) return;
      for (const [key, item] of Object.entries(value))
        walk(node.values, item, join(path, key), out);
      return;
    case 'object':
      if (Array.isArray(value)) return;
      for (const [key, item] of Object.entries(value)) {
        const child = node.fields.get(key);
        if (!child) {
          if (out.length < MAX_UNKNOWN_FIELDS) out.push(join(path, key));
          continue;
        }
        walk(child, item, join(path, key), out);
      }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export {
  strictDecodingMessage,
  strictDecodingBadRequestMessage,
  unknownFieldWarnings,
} from './strict-decoding.js';
