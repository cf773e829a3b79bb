export type { GroupVersionKind, OpenApiSchema, SchemaType } from './openapi-schema.js';
export { SCHEMA_REF_PREFIX, refName, schemaRef } from './openapi-schema.js';
export { SCHEMAS_SOURCE, getSchema, schemaClosure, schemaNameForKind } from './schema-registry.js';
export { MAX_UNKNOWN_FIELDS, findUnknownFields } from './unknown-fields.js';
export {
  goQuote,
  strictDecodingBadRequestMessage,
  strictDecodingMessage,
  unknownFieldError,
  unknownFieldWarnings,
  warningHeaderValue,
} from './strict-decoding.js';
