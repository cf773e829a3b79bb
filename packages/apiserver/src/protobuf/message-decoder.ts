/**
 * Table-driven decoding of one generated.proto message into the JSON the same Go struct would
 * marshal to. What gogo-protobuf wrote tells what the Go value was; the `json` tag decides what
 * the JSON keeps:
 *  - non-pointer scalars are always on the wire: zero values are dropped only under omitempty;
 *  - pointers (`ptr`) are on the wire exactly when set, so a set zero (`replicas: 0`) is kept;
 *  - non-pointer structs always marshal (`"resources": {}`), even under omitempty;
 *  - absent slices/maps are Go nil: left out under omitempty, `null` otherwise;
 *  - zero times (Go `null`) are left out.
 */
import {
  isScalarKind,
  type FieldSpec,
  type MessageTable,
  type ScalarKind,
} from './schema/field-spec.js';
import { decodeWellKnown, isWellKnownType } from './well-known-types.js';
import {
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
  WireFormatError,
  WireReader,
  toFloat32,
  toFloat64,
  toInt32,
  toInt64,
  toUint32,
  type FieldTag,
} from './wire-reader.js';

export interface DecodeContext {
  readonly messages: MessageTable;
  /** Receives `<json path>#<field number>` for every field the tables do not know. */
  readonly unknownFields: string[];
}

type Scalar = string | number | boolean;

const utf8 = new TextDecoder();

function expectedWireType(kind: ScalarKind): number {
  switch (kind) {
    case 'double':
      return WIRE_FIXED64;
    case 'float':
      return WIRE_FIXED32;
    case 'string':
    case 'bytes':
      return WIRE_LENGTH_DELIMITED;
    default:
      return WIRE_VARINT;
  }
}

function readScalar(r: WireReader, kind: ScalarKind): Scalar {
  switch (kind) {
    case 'string':
      return utf8.decode(r.readBytes());
    case 'bytes':
      return Buffer.from(r.readBytes()).toString('base64');
    case 'bool':
      return r.readVarint() !== 0n;
    case 'int32':
      return toInt32(r.readVarint());
    case 'uint32':
      return toUint32(r.readVarint());
    case 'int64':
      return toInt64(r.readVarint());
    case 'uint64':
      return Number(r.readVarint());
    case 'double':
      return toFloat64(r.readFixed64());
    case 'float':
      return toFloat32(r.readFixed32());
  }
}

function zeroScalar(kind: ScalarKind): Scalar {
  if (kind === 'string' || kind === 'bytes') return '';
  return kind === 'bool' ? false : 0;
}

/** Values collected per field: scalars as JSON values, messages and map entries as payloads. */
class Collected {
  readonly scalars: Scalar[] = [];
  readonly payloads: Uint8Array[] = [];
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  return Buffer.concat(chunks);
}

const INDEX = new WeakMap<readonly FieldSpec[], Map<number, FieldSpec>>();

function fieldsByNumber(spec: readonly FieldSpec[]): Map<number, FieldSpec> {
  let index = INDEX.get(spec);
  if (!index) {
    index = new Map(spec.map((f) => [f.no, f]));
    INDEX.set(spec, index);
  }
  return index;
}

export function decodeMessage(
  buf: Uint8Array,
  type: string,
  ctx: DecodeContext,
  path = '',
): Record<string, unknown> {
  const spec = ctx.messages[type];
  if (!spec) throw new Error(`no schema for message ${type}`);
  const index = fieldsByNumber(spec);
  const collected = new Map<FieldSpec, Collected>();
  const r = new WireReader(buf);
  while (!r.done) {
    const tag = r.readTag();
    const f = index.get(tag.number);
    if (!f) {
      ctx.unknownFields.push(`${path}#${tag.number}`);
      r.skip(tag);
      continue;
    }
    let c = collected.get(f);
    if (!c) collected.set(f, (c = new Collected()));
    collect(r, tag, f, c);
  }
  const out: Record<string, unknown> = {};
  for (const f of spec) {
    const childPath = path ? `${path}.${f.json}` : f.json;
    const value = toJson(f, collected.get(f), ctx, childPath);
    if (f.inline && value && typeof value === 'object') Object.assign(out, value);
    else if (value !== undefined) out[f.json] = value;
  }
  return out;
}

function collect(r: WireReader, tag: FieldTag, f: FieldSpec, c: Collected): void {
  if (f.kind === 'message' || f.kind === 'map') {
    if (tag.wireType !== WIRE_LENGTH_DELIMITED) throw wrongWireType(tag, f);
    c.payloads.push(r.readBytes());
    return;
  }
  const want = expectedWireType(f.kind);
  if (tag.wireType === want) {
    c.scalars.push(readScalar(r, f.kind));
  } else if (
    f.repeated &&
    tag.wireType === WIRE_LENGTH_DELIMITED &&
    want !== WIRE_LENGTH_DELIMITED
  ) {
    const packed = new WireReader(r.readBytes()); // packed repeated numbers
    while (!packed.done) c.scalars.push(readScalar(packed, f.kind));
  } else {
    throw wrongWireType(tag, f);
  }
}

function wrongWireType(tag: FieldTag, f: FieldSpec): WireFormatError {
  return new WireFormatError(`proto: wrong wireType = ${tag.wireType} for field ${f.json}`);
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function toJson(f: FieldSpec, c: Collected | undefined, ctx: DecodeContext, path: string): unknown {
  if (f.kind === 'map') {
    const entries = c?.payloads ?? [];
    if (entries.length === 0) return f.omitempty ? undefined : null;
    const out: Record<string, unknown> = {};
    for (const e of entries) {
      const [key, value] = decodeMapEntry(e, f.type ?? 'string', ctx, path);
      out[key] = value;
    }
    return out;
  }
  if (f.repeated) {
    if (f.kind !== 'message') {
      const values = c?.scalars ?? [];
      if (values.length === 0) return f.omitempty ? undefined : null;
      return values;
    }
    const items = c?.payloads ?? [];
    if (items.length === 0) return f.omitempty ? undefined : null;
    return items.map((p, i) => decodeValue(f.type ?? '', p, ctx, `${path}[${i}]`));
  }
  if (f.kind === 'message') {
    const payload = c && c.payloads.length > 0 ? concat(c.payloads) : undefined;
    if (!payload && f.ptr) return undefined;
    return decodeValue(f.type ?? '', payload ?? new Uint8Array(), ctx, path);
  }
  const last = c?.scalars.at(-1);
  if (last === undefined) {
    if (f.ptr || f.omitempty) return undefined;
    return f.kind === 'bytes' ? null : zeroScalar(f.kind);
  }
  if (!f.ptr && f.omitempty && isZero(last)) return undefined;
  return last;
}

/** A message-typed value: a well-known type or a nested table-driven message. */
function decodeValue(type: string, payload: Uint8Array, ctx: DecodeContext, path: string): unknown {
  if (isWellKnownType(type)) return decodeWellKnown(type, payload);
  return decodeMessage(payload, type, ctx, path);
}

/** A map entry message {key(1): string, value(2): valueType}; absent parts are Go zero values. */
function decodeMapEntry(
  buf: Uint8Array,
  valueType: string,
  ctx: DecodeContext,
  path: string,
): [string, unknown] {
  let key = '';
  let value: unknown;
  const r = new WireReader(buf);
  while (!r.done) {
    const tag = r.readTag();
    if (tag.number === 1 && tag.wireType === WIRE_LENGTH_DELIMITED) {
      key = utf8.decode(r.readBytes());
    } else if (tag.number === 2 && isScalarKind(valueType)) {
      if (tag.wireType !== expectedWireType(valueType)) {
        throw new WireFormatError(`proto: wrong wireType = ${tag.wireType} for map value`);
      }
      value = readScalar(r, valueType);
    } else if (tag.number === 2 && tag.wireType === WIRE_LENGTH_DELIMITED) {
      value = decodeValue(valueType, r.readBytes(), ctx, `${path}[${JSON.stringify(key)}]`);
    } else {
      r.skip(tag);
    }
  }
  if (value === undefined) {
    value = isScalarKind(valueType)
      ? zeroScalar(valueType)
      : decodeValue(valueType, new Uint8Array(), ctx, path);
  }
  return [key, value];
}
