/**
 * Shape of the schema tables: one entry per field of a Kubernetes generated.proto message, joined
 * with what the Go struct field says about its JSON form (k8s.io/api types.go tags).
 */

/** Protobuf scalar types that occur in Kubernetes APIs. `bytes` is base64 in JSON. */
export type ScalarKind =
  'string' | 'bool' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'double' | 'float' | 'bytes';

export type FieldKind = ScalarKind | 'message' | 'map';

export interface FieldSpec {
  /** JSON field name (the `json:"..."` tag); for `inline` fields the proto name. */
  readonly json: string;
  /** Protobuf field number. */
  readonly no: number;
  readonly kind: FieldKind;
  /**
   * `message`: the message type (`core.v1.Container`); `map`: the value type, a ScalarKind or a
   * message type (keys are always strings in Kubernetes APIs).
   */
  readonly type?: string;
  /** `repeated` in proto, a slice in Go. */
  readonly repeated?: true;
  /** A Go pointer: present on the wire means set, even to a zero value. */
  readonly ptr?: true;
  /** `json:",omitempty"`: zero scalars and empty lists/maps/bytes are left out of the JSON. */
  readonly omitempty?: true;
  /** `json:",inline"`: the sub-message's fields are merged into the parent object. */
  readonly inline?: true;
}

export type MessageSpec = readonly FieldSpec[];

/** Message type name (`apps.v1.DeploymentSpec`) to its fields, in Go struct order. */
export type MessageTable = Readonly<Record<string, MessageSpec>>;

/** A top-level API kind and the message its `runtime.Unknown.raw` holds. */
export interface RootKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly message: string;
}

export type FieldFlag = 'repeated' | 'ptr' | 'omitempty' | 'inline';

const SCALAR_KINDS: ReadonlySet<string> = new Set<ScalarKind>([
  'string',
  'bool',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'double',
  'float',
  'bytes',
]);

export function isScalarKind(type: string): type is ScalarKind {
  return SCALAR_KINDS.has(type);
}

/**
 * Table-entry constructor: `type` is a scalar kind, a message type, or `map<value type>`.
 * `field('ports', 6, 'core.v1.ContainerPort', 'repeated', 'omitempty')`.
 */
export function field(json: string, no: number, type: string, ...flags: FieldFlag[]): FieldSpec {
  const map = /^map<(.+)>$/.exec(type);
  const base: { json: string; no: number } = { json, no };
  const typed = map
    ? { kind: 'map' as const, type: map[1] }
    : isScalarKind(type)
      ? { kind: type }
      : { kind: 'message' as const, type };
  const spec: FieldSpec = { ...base, ...typed };
  return flags.reduce<FieldSpec>((s, flag) => ({ ...s, [flag]: true }), spec);
}
