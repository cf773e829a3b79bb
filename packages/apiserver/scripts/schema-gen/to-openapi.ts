/**
 * Turns the declaration model into upstream-style OpenAPI v3 schemas, following references
 * from a set of root types so that exactly the reachable types are emitted.
 */
import type { GroupVersionKind, OpenApiSchema } from '../../src/schema/openapi-schema.js';
import { schemaRef } from '../../src/schema/openapi-schema.js';
import type { PropertyDecl, TypeDecl, TypeRef } from './declarations.js';
import { declKey } from './declarations.js';
import type { EnumInfo } from './enums.js';
import { enumFor } from './enums.js';
import type { FormatLookup } from './formats.js';
import { listMetadata } from './patch-metadata.js';
import { specialSchema } from './special-types.js';
import { INT_OR_STRING, parseApiVersion, upstreamName } from './upstream-names.js';

export interface TypeId {
  module: string;
  name: string;
}

export interface BuildOptions {
  declarations: ReadonlyMap<string, TypeDecl>;
  formats: FormatLookup;
  /** GVKs of types whose `apiVersion`/`kind` are not literal in the declarations (Status ...). */
  extraGroupVersionKinds: Readonly<Record<string, GroupVersionKind[]>>;
}

/** Every schema reachable from the roots, by upstream name. */
export function buildSchemas(roots: TypeId[], opts: BuildOptions): Map<string, OpenApiSchema> {
  const out = new Map<string, OpenApiSchema>();
  const queue: TypeId[] = [...roots];
  const enqueue = (id: TypeId): string => {
    const name = upstreamName(id.module, id.name);
    if (!out.has(name)) queue.push(id);
    return name;
  };
  for (let id = queue.shift(); id; id = queue.shift()) {
    const name = upstreamName(id.module, id.name);
    if (out.has(name)) continue;
    const decl = opts.declarations.get(declKey(id.module, id.name));
    if (!decl) throw new Error(`no declaration for ${id.module} ${id.name}`);
    out.set(name, typeSchema(decl, name, opts, enqueue));
  }
  return out;
}

function typeSchema(
  decl: TypeDecl,
  name: string,
  opts: BuildOptions,
  enqueue: (id: TypeId) => string,
): OpenApiSchema {
  const special = specialSchema(name, decl.description);
  if (special) return withoutEmptyDescription(special);
  if (!decl.properties) throw new Error(`${name} is an alias without a known JSON form`);
  const properties: Record<string, OpenApiSchema> = {};
  for (const prop of decl.properties) {
    const format = opts.formats(decl.module, decl.name, prop.name);
    properties[prop.name] = {
      ...propertySchema(prop, format, enqueue, enumFor(name, prop.name)),
      ...listMetadata(name, prop.name),
    };
  }
  const schema: OpenApiSchema = { description: decl.description, type: 'object', properties };
  const required = decl.properties.filter((p) => !p.optional).map((p) => p.name);
  if (required.length > 0) schema.required = required;
  const gvks = opts.extraGroupVersionKinds[name] ?? literalGroupVersionKind(decl.properties);
  if (gvks) schema['x-kubernetes-group-version-kind'] = gvks;
  return withoutEmptyDescription(schema);
}

function propertySchema(
  prop: PropertyDecl,
  format: string | undefined,
  enqueue: (id: TypeId) => string,
  enumInfo: EnumInfo | undefined,
): OpenApiSchema {
  const schema = withEnum(valueSchema(prop.type, format, enqueue), enumInfo);
  const description = (prop.description ?? '') + (enumInfo?.doc ?? '');
  if (!description) return schema;
  // OpenAPI 3.0 ignores siblings of $ref, so upstream wraps a described reference in allOf.
  if (schema.$ref) return { allOf: [{ $ref: schema.$ref }], description };
  return { description, ...schema };
}

/** The schema carries no `enum` key in its declared type; upstream puts one beside `type`. */
type WithEnum = OpenApiSchema & { enum?: string[] };

/** Upstream puts an `+enum` type's values on the string schema, or on `items` for a list of them. */
function withEnum(schema: OpenApiSchema, enumInfo: EnumInfo | undefined): OpenApiSchema {
  if (!enumInfo) return schema;
  const values = [...enumInfo.values];
  if (schema.type === 'array' && schema.items) {
    const items: WithEnum = { ...schema.items, enum: values };
    return { ...schema, items };
  }
  if (schema.type !== 'string') {
    throw new Error(`enum on a non-string schema (${JSON.stringify(schema)})`);
  }
  const withValues: WithEnum = { ...schema, enum: values };
  return withValues;
}

function valueSchema(
  type: TypeRef,
  format: string | undefined,
  enqueue: (id: TypeId) => string,
): OpenApiSchema {
  switch (type.kind) {
    case 'string':
      return format === 'byte' ? { format, type: 'string' } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return numberSchema(format);
    case 'intOrString':
      return { $ref: schemaRef(INT_OR_STRING) };
    case 'array':
      return { items: valueSchema(type.items, format, enqueue), type: 'array' };
    case 'map':
      return { additionalProperties: valueSchema(type.values, format, enqueue), type: 'object' };
    case 'named':
      return { $ref: schemaRef(enqueue(type)) };
  }
}

function numberSchema(format: string | undefined): OpenApiSchema {
  if (format === 'double' || format === 'float') return { format, type: 'number' };
  if (format === 'int32' || format === 'int64') return { format, type: 'integer' };
  return { type: 'integer' };
}

/** `apiVersion?: "apps/v1"` + `kind?: "Deployment"` make a top-level kind. */
function literalGroupVersionKind(properties: PropertyDecl[]): GroupVersionKind[] | undefined {
  const apiVersion = properties.find((p) => p.name === 'apiVersion')?.literal;
  const kind = properties.find((p) => p.name === 'kind')?.literal;
  if (!apiVersion || !kind) return undefined;
  return [{ ...parseApiVersion(apiVersion), kind }];
}

function withoutEmptyDescription(schema: OpenApiSchema): OpenApiSchema {
  if (schema.description !== '') return schema;
  const rest = { ...schema };
  delete rest.description;
  return rest;
}
