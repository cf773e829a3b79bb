/**
 * The generated OpenAPI v3 schemas (scripts/gen-schemas.ts writes generated/schemas.json from
 * kubernetes-types at build time), looked up by upstream name or by group/version/kind.
 */
import generated from './generated/schemas.json' with { type: 'json' };
import type { GroupVersionKind, OpenApiSchema } from './openapi-schema.js';
import { refName } from './openapi-schema.js';

const SCHEMAS: Readonly<Record<string, OpenApiSchema>> = generated.schemas as Record<
  string,
  OpenApiSchema
>;

function gvkKey(gvk: GroupVersionKind): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

const byGvk = new Map<string, string>();
for (const [name, schema] of Object.entries(SCHEMAS)) {
  for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
    if (!byGvk.has(gvkKey(gvk))) byGvk.set(gvkKey(gvk), name);
  }
}

/** Which kubernetes-types release the schemas were generated from (`kubernetes-types@1.30.0`). */
export const SCHEMAS_SOURCE: string = generated.generatedFrom;

export function getSchema(name: string): OpenApiSchema | undefined {
  return Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
}

/** The upstream schema name of a kind (`{group:'apps',version:'v1',kind:'Deployment'}` -> `io.k8s.api.apps.v1.Deployment`). */
export function schemaNameForKind(gvk: GroupVersionKind): string | undefined {
  return byGvk.get(gvkKey(gvk));
}

/** The named schemas and every schema they reference, directly or not, sorted by name. */
export function schemaClosure(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const pending = [...names];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    const schema = getSchema(name);
    if (!schema) continue;
    seen.add(name);
    collectRefs(schema, pending);
  }
  return [...seen].sort();
}

function collectRefs(schema: OpenApiSchema, into: string[]): void {
  const ref = refName(schema);
  if (ref) into.push(ref);
  for (const sub of [...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) collectRefs(sub, into);
  for (const prop of Object.values(schema.properties ?? {})) collectRefs(prop, into);
  if (schema.items) collectRefs(schema.items, into);
  if (typeof schema.additionalProperties === 'object')
    collectRefs(schema.additionalProperties, into);
}
