/**
 * The subset of an OpenAPI v3 schema object that kubelab's generated schemas use, with the
 * Kubernetes vendor extensions.
 */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface OpenApiSchema {
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  description?: string;
  type?: SchemaType;
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  required?: string[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
}

/** `#/components/schemas/<name>`: how v3 documents point at a named schema. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): string {
  return SCHEMA_REF_PREFIX + name;
}

/** The schema name a `$ref` (or an `allOf` holding one `$ref`) points at, if any. */
export function refName(schema: OpenApiSchema): string | undefined {
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0]?.$ref : undefined);
  return ref?.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
}
