/**
 * The JSON of a kind's Go zero value (what `scope.Creater.New(kind)` serializes to), the "live
 * object" a create compares against: struct fields that are not pointers are present (`spec:
 * {}`, `metadata: {creationTimestamp: null}`), slices, maps and pointers without omitempty are
 * null. Whether a container node is present there decides whether FieldsV1 marks it with `.`.
 * Read from the protobuf tables (which carry the Go struct tags); kinds they do not cover fall
 * back to metadata/spec/status/template being plain structs.
 */
import { MESSAGES } from '../protobuf/schema/index.js';
import type { FieldSpec } from '../protobuf/schema/index.js';
import type { JsonMap } from '../patch/json-value.js';
import { getSchema, refName } from '../schema/index.js';

const STRUCT_FIELDS_OF_UNKNOWN = new Set(['metadata', 'spec', 'status', 'template']);

const ZERO_SCALARS: Readonly<Record<string, unknown>> = {
  'meta.v1.Time': null,
  'meta.v1.MicroTime': null,
  'intstr.IntOrString': 0,
  'resource.Quantity': '0',
};

const cache = new Map<string, JsonMap>();

/** `io.k8s.api.apps.v1.Deployment` → `apps.v1.Deployment`; meta types → `meta.v1.X`. */
export function protoMessageName(schemaName: string): string {
  if (schemaName.startsWith('io.k8s.api.')) return schemaName.slice('io.k8s.api.'.length);
  if (schemaName.startsWith('io.k8s.apimachinery.pkg.apis.meta.v1.')) {
    return `meta.v1.${schemaName.slice('io.k8s.apimachinery.pkg.apis.meta.v1.'.length)}`;
  }
  return schemaName;
}

/** The zero value of a named OpenAPI schema (a fresh copy). */
export function goZeroValue(schemaName: string): JsonMap {
  let zero = cache.get(schemaName);
  if (!zero) {
    zero = zeroOfSchema(schemaName, new Set());
    cache.set(schemaName, zero);
  }
  return structuredClone(zero);
}

function zeroOfSchema(schemaName: string, visiting: Set<string>): JsonMap {
  const message = protoMessageName(schemaName);
  if (Object.hasOwn(MESSAGES, message)) return zeroOfMessage(message, visiting);
  const out: JsonMap = {};
  const schema = getSchema(schemaName);
  for (const [field, prop] of Object.entries(schema?.properties ?? {})) {
    const ref = refName(prop);
    if (ref && STRUCT_FIELDS_OF_UNKNOWN.has(field) && getSchema(ref)?.properties) out[field] = zeroOfSchema(ref, visiting);
  }
  return out;
}

function zeroOfMessage(message: string, visiting: Set<string>): JsonMap {
  const out: JsonMap = {};
  if (visiting.has(message)) return out;
  visiting.add(message);
  for (const f of MESSAGES[message] ?? []) {
    if (f.inline && f.type) Object.assign(out, zeroOfMessage(f.type, visiting));
    else {
      const v = zeroOfField(f, visiting);
      if (v !== undefined) out[f.json] = v;
    }
  }
  visiting.delete(message);
  return out;
}

function zeroOfField(f: FieldSpec, visiting: Set<string>): unknown {
  if (f.repeated || f.kind === 'map' || f.kind === 'bytes' || f.ptr) return f.omitempty ? undefined : null;
  if (f.kind === 'message') {
    const type = f.type ?? '';
    if (Object.hasOwn(ZERO_SCALARS, type)) return ZERO_SCALARS[type];
    return zeroOfMessage(type, visiting);
  }
  if (f.omitempty) return undefined;
  return f.kind === 'string' ? '' : f.kind === 'bool' ? false : 0;
}
