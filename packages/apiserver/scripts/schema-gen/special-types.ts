/**
 * Types whose JSON form upstream describes by hand (custom marshalling in apimachinery), so
 * their schema cannot be read off a TypeScript declaration: the shapes follow what
 * kube-openapi emits for OpenAPI v3 (`OpenAPISchemaType`, `OpenAPISchemaFormat`,
 * `OpenAPIV3OneOfTypes` on the Go types).
 */
import type { OpenApiSchema } from '../../src/schema/openapi-schema.js';
import { INT_OR_STRING } from './upstream-names.js';

/** The upstream doc comment of IntOrString (kubernetes-types inlines the type and loses it). */
const INT_OR_STRING_DESCRIPTION =
  'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

/** Schema overrides by upstream name; `description` is kept from the declaration when empty here. */
export function specialSchema(name: string, description: string): OpenApiSchema | undefined {
  switch (name) {
    case INT_OR_STRING:
      return {
        description: INT_OR_STRING_DESCRIPTION,
        format: 'int-or-string',
        oneOf: [{ type: 'integer' }, { type: 'string' }],
      };
    case 'io.k8s.apimachinery.pkg.api.resource.Quantity':
      return { description, oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.Time':
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime':
      return { description, format: 'date-time', type: 'string' };
    case 'io.k8s.apimachinery.pkg.runtime.RawExtension':
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1':
      // Opaque JSON: any object is accepted and no field of it is unknown.
      return { description, type: 'object' };
    default:
      return undefined;
  }
}

/** Extra schemas that exist upstream but have no declaration in kubernetes-types. */
export function syntheticSchemas(): Record<string, OpenApiSchema> {
  const intOrString = specialSchema(INT_OR_STRING, '');
  if (!intOrString) throw new Error('IntOrString schema missing');
  return { [INT_OR_STRING]: intOrString };
}
