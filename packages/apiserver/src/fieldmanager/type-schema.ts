/**
 * The structured-merge-diff view of a kind's schema (k8s.io/kube-openapi schemaconv): which
 * values are structs, granular or atomic maps, associative lists (with their keys) or atomic
 * lists, and which are scalar leaves. Built from the generated OpenAPI schemas and their
 * x-kubernetes-list-type / list-map-keys / patch-strategy / patch-merge-key extensions; lists
 * without them fall back to the strategic-merge metadata of patch-meta.ts, then to atomic.
 * `+structType=atomic`, `+mapType=atomic` and list-key defaults are not in the generated
 * schemas, so they are listed here.
 */
import type { GroupVersionKind, OpenApiSchema } from '../schema/index.js';
import { getSchema, refName, schemaNameForKind } from '../schema/index.js';
import { BUILTIN_PATCH_META, lookupPatchMeta } from '../patch/index.js';

export type TypeNode = ScalarNode | StructNode | MapNode | ListNode | DeducedNode;

/** A leaf: strings, numbers, booleans, and untyped scalars (IntOrString, Quantity, Time). */
export interface ScalarNode {
  readonly kind: 'scalar';
}

/** An object with declared fields; `atomic` for `+structType=atomic` types. */
export interface StructNode {
  readonly kind: 'struct';
  readonly name: string | undefined;
  readonly fields: Map<string, TypeNode>;
  readonly atomic: boolean;
  /** Defaults of fields that serve as list-map keys (`protocol: TCP` of ports). */
  readonly keyDefaults: Readonly<Record<string, unknown>>;
}

/** An object with arbitrary keys (labels, annotations, resources.limits). */
export interface MapNode {
  readonly kind: 'map';
  readonly values: TypeNode;
  readonly atomic: boolean;
}

/** `keys` empty and associative: a set of scalars. */
export interface ListNode {
  readonly kind: 'list';
  readonly items: TypeNode;
  readonly associative: boolean;
  readonly keys: readonly string[];
}

/** Untyped JSON (RawExtension, unknown kinds): maps are granular, lists atomic. */
export interface DeducedNode {
  readonly kind: 'deduced';
}

export const SCALAR: ScalarNode = { kind: 'scalar' };
export const DEDUCED: DeducedNode = { kind: 'deduced' };

const CORE = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Types marked `+structType=atomic` in k8s.io/api and apimachinery. */
const ATOMIC_STRUCTS: ReadonlySet<string> = new Set([
  `${META}LabelSelector`,
  `${META}OwnerReference`,
  `${CORE}ObjectReference`,
  `${CORE}LocalObjectReference`,
  `${CORE}TypedLocalObjectReference`,
  `${CORE}TypedObjectReference`,
  `${CORE}SecretReference`,
  `${CORE}ConfigMapKeySelector`,
  `${CORE}SecretKeySelector`,
  `${CORE}ObjectFieldSelector`,
  `${CORE}ResourceFieldSelector`,
  `${CORE}NodeSelector`,
  `${CORE}NodeSelectorTerm`,
  `${CORE}TopologySelectorTerm`,
]);

/** Map fields marked `+mapType=atomic`: owned as a whole. */
const ATOMIC_MAPS: ReadonlySet<string> = new Set([
  `${CORE}PodSpec.nodeSelector`,
  `${CORE}ServiceSpec.selector`,
  `${CORE}ReplicationControllerSpec.selector`,
]);

/** Defaults (`+default=`) of fields used as list-map keys. */
const KEY_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  [`${CORE}ContainerPort`]: { protocol: 'TCP' },
  [`${CORE}ServicePort`]: { protocol: 'TCP' },
};

const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  'io.k8s.apimachinery.pkg.api.resource.Quantity',
  `${META}Time`,
  `${META}MicroTime`,
]);

const DEDUCED_TYPES: ReadonlySet<string> = new Set([
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  `${META}FieldsV1`,
]);

const named = new Map<string, TypeNode>();

/** The type of a named schema (`io.k8s.api.core.v1.PodSpec`); unknown names are deduced. */
export function namedType(name: string): TypeNode {
  const cached = named.get(name);
  if (cached) return cached;
  if (SCALAR_TYPES.has(name)) return SCALAR;
  const schema = getSchema(name);
  if (!schema || DEDUCED_TYPES.has(name)) return DEDUCED;
  if (schema.type !== 'object' || !schema.properties) {
    const node = compile(schema, undefined);
    named.set(name, node);
    return node;
  }
  const fields = new Map<string, TypeNode>();
  const node: StructNode = {
    kind: 'struct',
    name,
    fields,
    atomic: ATOMIC_STRUCTS.has(name),
    keyDefaults: KEY_DEFAULTS[name] ?? {},
  };
  named.set(name, node);
  for (const [field, prop] of Object.entries(schema.properties)) fields.set(field, compile(prop, name, field));
  return node;
}

/** The type of a kind's objects; kinds without a schema are deduced. */
export function typeForKind(gvk: GroupVersionKind): TypeNode {
  const name = schemaNameForKind(gvk);
  return name ? namedType(name) : DEDUCED;
}

function compile(schema: OpenApiSchema, owner: string | undefined, field?: string): TypeNode {
  const ref = refName(schema);
  if (ref) return namedType(ref);
  if (schema.oneOf) return SCALAR;
  switch (schema.type) {
    case 'array':
      return compileList(schema, owner, field);
    case 'object':
      if (schema.properties) {
        const fields = new Map<string, TypeNode>();
        for (const [f, prop] of Object.entries(schema.properties)) fields.set(f, compile(prop, undefined, f));
        return { kind: 'struct', name: undefined, fields, atomic: false, keyDefaults: {} };
      }
      if (typeof schema.additionalProperties === 'object') {
        const atomic = owner !== undefined && ATOMIC_MAPS.has(`${owner}.${field ?? ''}`);
        return { kind: 'map', values: compile(schema.additionalProperties, undefined), atomic };
      }
      return DEDUCED;
    case undefined:
      return DEDUCED;
    default:
      return SCALAR;
  }
}

function compileList(schema: OpenApiSchema, owner: string | undefined, field: string | undefined): ListNode {
  const items = schema.items ? compile(schema.items, undefined) : DEDUCED;
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'atomic') return { kind: 'list', items, associative: false, keys: [] };
  if (listType === 'set') return { kind: 'list', items, associative: true, keys: [] };
  if (listType === 'map') {
    return { kind: 'list', items, associative: true, keys: schema['x-kubernetes-list-map-keys'] ?? [] };
  }
  const strategy = schema['x-kubernetes-patch-strategy'];
  if (strategy === 'merge' || strategy === 'merge,retainKeys') {
    const key = schema['x-kubernetes-patch-merge-key'];
    return { kind: 'list', items, associative: true, keys: key ? [key] : [] };
  }
  if (strategy === undefined && owner && field) {
    const meta = lookupPatchMeta({ table: BUILTIN_PATCH_META, type: owner.slice(owner.lastIndexOf('.') + 1) }, field).meta;
    if (meta.strategy === 'merge') return { kind: 'list', items, associative: true, keys: meta.mergeKey ? [meta.mergeKey] : [] };
  }
  return { kind: 'list', items, associative: false, keys: [] };
}
