/**
 * A schema compiled down to what unknown-field detection needs: which object fields exist,
 * and where arrays and maps are. Compiled once per schema name and cached.
 */
import type { OpenApiSchema } from './openapi-schema.js';
import { refName } from './openapi-schema.js';
import { getSchema } from './schema-registry.js';

export type FieldNode =
  /** Scalars, IntOrString, Quantity, Time, and opaque JSON (RawExtension, FieldsV1): no field is unknown. */
  | { kind: 'any' }
  | { kind: 'object'; fields: Map<string, FieldNode> }
  | { kind: 'map'; values: FieldNode }
  | { kind: 'array'; items: FieldNode };

const ANY: FieldNode = { kind: 'any' };
const compiled = new Map<string, FieldNode>();

/** The field tree of a named schema (`io.k8s.api.core.v1.Pod`), or undefined for an unknown name. */
export function fieldTreeFor(schemaName: string): FieldNode | undefined {
  const cached = compiled.get(schemaName);
  if (cached) return cached;
  const schema = getSchema(schemaName);
  if (!schema) return undefined;
  if (schema.type !== 'object' || !schema.properties) {
    const node = compileInline(schema);
    compiled.set(schemaName, node);
    return node;
  }
  // Register the object node before filling it so that recursive types terminate.
  const fields = new Map<string, FieldNode>();
  const node: FieldNode = { kind: 'object', fields };
  compiled.set(schemaName, node);
  for (const [name, prop] of Object.entries(schema.properties))
    fields.set(name, compileInline(prop));
  return node;
}

function compileInline(schema: OpenApiSchema): FieldNode {
  const ref = refName(schema);
  if (ref) return fieldTreeFor(ref) ?? ANY;
  if (schema.type === 'array')
    return schema.items ? { kind: 'array', items: compileInline(schema.items) } : ANY;
  if (schema.type === 'object') {
    if (schema.properties) {
      const fields = new Map<string, FieldNode>();
      for (const [name, prop] of Object.entries(schema.properties))
        fields.set(name, compileInline(prop));
      return { kind: 'object', fields };
    }
    if (typeof schema.additionalProperties === 'object') {
      return { kind: 'map', values: compileInline(schema.additionalProperties) };
    }
  }
  return ANY;
}
