/**
 * Types whose JSON form is not their protobuf structure, converted as their Go MarshalJSON does
 * (k8s.io/apimachinery: meta/v1 time.go, micro_time.go, duration.go, fields_proto.go;
 * util/intstr; api/resource quantity; runtime RawExtension; authentication/v1 ExtraValue).
 *
 * Each converter takes the concatenated wire payload of the field (`undefined` when the field
 * was absent) and returns the JSON value, or `undefined` for Go's `null` (zero times, nil raw
 * JSON), which callers leave out.
 */
import {
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
  WireFormatError,
  WireReader,
  toInt32,
  toInt64,
} from './wire-reader.js';

type Converter = (payload: Uint8Array | undefined) => unknown;

/** Seconds since the epoch of Go's zero time.Time (0001-01-01T00:00:00Z). */
const GO_ZERO_TIME_UNIX = -62135596800;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: Go's time.MarshalJSON range. */
const MIN_RFC3339_UNIX = -62167219200;
const MAX_RFC3339_UNIX = 253402300800;

/** Reads varint and length-delimited fields into a number-indexed map (last value wins). */
function readFields(payload: Uint8Array | undefined): Map<number, bigint | Uint8Array> {
  const out = new Map<number, bigint | Uint8Array>();
  if (!payload) return out;
  const r = new WireReader(payload);
  while (!r.done) {
    const tag = r.readTag();
    if (tag.wireType === WIRE_VARINT) out.set(tag.number, r.readVarint());
    else if (tag.wireType === WIRE_LENGTH_DELIMITED) out.set(tag.number, r.readBytes());
    else r.skip(tag);
  }
  return out;
}

function varintField(fields: Map<number, bigint | Uint8Array>, no: number): bigint {
  const v = fields.get(no);
  return typeof v === 'bigint' ? v : 0n;
}

function bytesField(fields: Map<number, bigint | Uint8Array>, no: number): Uint8Array | undefined {
  const v = fields.get(no);
  return v instanceof Uint8Array ? v : undefined;
}

const utf8 = new TextDecoder();

/** `2026-11-27T23:18:05Z`, or with `fractionDigits` digits of the second (truncated, as Go does). */
export function formatRfc3339(seconds: number, nanos: number, fractionDigits = 0): string {
  if (!(seconds >= MIN_RFC3339_UNIX && seconds < MAX_RFC3339_UNIX)) {
    throw new WireFormatError('Time.MarshalJSON: year outside of range [0,9999]');
  }
  const iso = new Date(seconds * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const base = iso.slice(0, 19);
  if (fractionDigits === 0) return `${base}Z`;
  const frac = String(nanos).padStart(9, '0').slice(0, fractionDigits);
  return `${base}.${frac}Z`;
}

/** Timestamp {seconds(1), nanos(2)}; an empty message is Go's zero time, which marshals as null. */
function decodeTime(payload: Uint8Array | undefined, fractionDigits: number): string | undefined {
  if (!payload || payload.length === 0) return undefined;
  const f = readFields(payload);
  const seconds = toInt64(varintField(f, 1));
  if (seconds === GO_ZERO_TIME_UNIX) return undefined;
  // metav1.Time.Unmarshal drops the nanoseconds; MicroTime keeps them.
  const nanos = fractionDigits === 0 ? 0 : toInt32(varintField(f, 2));
  return formatRfc3339(seconds, nanos, fractionDigits);
}

/** Go's time.Duration.String(): `1h0m0s`, `1.5s`, `300ms`, `0s`. */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  const frac = (v: bigint, digits: number): string => {
    const scale = 10n ** BigInt(digits);
    const fraction = (v % scale).toString().padStart(digits, '0').replace(/0+$/, '');
    return `${v / scale}${fraction ? `.${fraction}` : ''}`;
  };
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${frac(u, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${frac(u, 6)}ms`;
  const hours = u / 3_600_000_000_000n;
  const minutes = (u / 60_000_000_000n) % 60n;
  const seconds = `${frac(u % 60_000_000_000n, 9)}s`;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

/** IntOrString {type(1): 0 Int | 1 String, intVal(2), strVal(3)}. */
function decodeIntOrString(payload: Uint8Array | undefined): number | string {
  const f = readFields(payload);
  const type = toInt64(varintField(f, 1));
  if (type === 0) return toInt32(varintField(f, 2));
  if (type === 1) return utf8.decode(bytesField(f, 3) ?? new Uint8Array());
  throw new WireFormatError('impossible IntOrString.Type');
}

/** Raw JSON bytes (RawExtension.raw, FieldsV1.Raw); nil marshals as null. */
function decodeRawJson(payload: Uint8Array | undefined): unknown {
  const raw = bytesField(readFields(payload), 1);
  if (!raw) return undefined;
  try {
    return JSON.parse(utf8.decode(raw)) as unknown;
  } catch {
    throw new WireFormatError('raw JSON field does not hold valid JSON');
  }
}

/** ExtraValue {items(1): repeated string}, a Go `[]string` in JSON; nil marshals as null. */
function decodeStringList(payload: Uint8Array | undefined): string[] | undefined {
  const items: string[] = [];
  const r = new WireReader(payload ?? new Uint8Array());
  while (!r.done) {
    const tag = r.readTag();
    if (tag.number === 1 && tag.wireType === WIRE_LENGTH_DELIMITED)
      items.push(utf8.decode(r.readBytes()));
    else r.skip(tag);
  }
  return items.length > 0 ? items : undefined;
}

const CONVERTERS: Readonly<Record<string, Converter>> = {
  'meta.v1.Time': (p) => decodeTime(p, 0),
  'meta.v1.MicroTime': (p) => decodeTime(p, 6),
  'meta.v1.Duration': (p) => formatGoDuration(BigInt.asIntN(64, varintField(readFields(p), 1))),
  'meta.v1.FieldsV1': decodeRawJson,
  'runtime.RawExtension': decodeRawJson,
  'intstr.IntOrString': decodeIntOrString,
  // The zero Quantity marshals as "0"; kubectl always sends the canonical string.
  'resource.Quantity': (p) => utf8.decode(bytesField(readFields(p), 1) ?? new Uint8Array()) || '0',
  'authentication.v1.ExtraValue': decodeStringList,
};

export function isWellKnownType(type: string): boolean {
  return type in CONVERTERS;
}

/** The JSON value of a well-known type; `undefined` stands for Go's `null`. */
export function decodeWellKnown(type: string, payload: Uint8Array | undefined): unknown {
  const convert = CONVERTERS[type];
  if (!convert) throw new Error(`${type} is not a well-known type`);
  return convert(payload);
}
