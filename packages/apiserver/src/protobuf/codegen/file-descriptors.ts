/**
 * Finds the gzipped FileDescriptorProtos that gogo-protobuf generated code embeds in a Go binary
 * (`var fileDescriptor_<hash> = []byte{...}` in every k8s.io generated.pb.go) and decodes the
 * parts of google/protobuf/descriptor.proto that the schema generator needs.
 */
import { inflateRawSync } from 'node:zlib';
import { WIRE_LENGTH_DELIMITED, WIRE_VARINT, WireReader } from '../wire-reader.js';

/** FieldDescriptorProto.Type values. */
export const PROTO_TYPE = {
  double: 1,
  float: 2,
  int64: 3,
  uint64: 4,
  int32: 5,
  bool: 8,
  string: 9,
  message: 11,
  bytes: 12,
  uint32: 13,
} as const;

export interface ProtoField {
  readonly name: string;
  readonly number: number;
  readonly repeated: boolean;
  readonly type: number;
  /** Fully qualified, with a leading dot: `.k8s.io.api.core.v1.Container`. */
  readonly typeName: string;
}

export interface ProtoMessage {
  readonly name: string;
  readonly fields: ProtoField[];
  readonly nested: ProtoMessage[];
  readonly mapEntry: boolean;
}

export interface ProtoFile {
  readonly name: string;
  readonly package: string;
  readonly goPackage: string;
  readonly messages: ProtoMessage[];
}

const GZIP_HEADER = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
const MAX_COMPRESSED = 1 << 20;

/** Every embedded descriptor in `binary`, by file name (`k8s.io/api/core/v1/generated.proto`). */
export function findEmbeddedFileDescriptors(binary: Uint8Array): Map<string, ProtoFile> {
  const out = new Map<string, ProtoFile>();
  const first = GZIP_HEADER[0] ?? 0;
  for (let at = binary.indexOf(first); at >= 0; at = binary.indexOf(first, at + 1)) {
    if (!GZIP_HEADER.every((b, i) => binary[at + i] === b)) continue;
    let raw: Uint8Array;
    try {
      raw = inflateRawSync(binary.subarray(at + 10, at + 10 + MAX_COMPRESSED));
    } catch {
      continue;
    }
    const file = tryDecodeFile(raw);
    if (file) out.set(file.name, file);
  }
  return out;
}

function tryDecodeFile(raw: Uint8Array): ProtoFile | undefined {
  if (raw[0] !== 0x0a) return undefined;
  try {
    const file = decodeFile(raw);
    return file.name.endsWith('.proto') ? file : undefined;
  } catch {
    return undefined;
  }
}

function text(b: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(b);
}

/** Calls `onField` for every field; `value` is a bigint for varints, bytes for length-delimited. */
function eachField(
  buf: Uint8Array,
  onField: (no: number, value: bigint | Uint8Array) => void,
): void {
  const r = new WireReader(buf);
  while (!r.done) {
    const tag = r.readTag();
    if (tag.wireType === WIRE_VARINT) onField(tag.number, r.readVarint());
    else if (tag.wireType === WIRE_LENGTH_DELIMITED) onField(tag.number, r.readBytes());
    else r.skip(tag);
  }
}

export function decodeFile(buf: Uint8Array): ProtoFile {
  let name = '';
  let pkg = '';
  let goPackage = '';
  const messages: ProtoMessage[] = [];
  eachField(buf, (no, v) => {
    if (!(v instanceof Uint8Array)) return;
    if (no === 1) name = text(v);
    else if (no === 2) pkg = text(v);
    else if (no === 4) messages.push(decodeMessage(v));
    else if (no === 8) {
      eachField(v, (o, ov) => {
        if (o === 11 && ov instanceof Uint8Array) goPackage = text(ov);
      });
    }
  });
  return { name, package: pkg, goPackage, messages };
}

function decodeMessage(buf: Uint8Array): ProtoMessage {
  let name = '';
  let mapEntry = false;
  const fields: ProtoField[] = [];
  const nested: ProtoMessage[] = [];
  eachField(buf, (no, v) => {
    if (!(v instanceof Uint8Array)) return;
    if (no === 1) name = text(v);
    else if (no === 2) fields.push(decodeField(v));
    else if (no === 3) nested.push(decodeMessage(v));
    else if (no === 7) {
      eachField(v, (o, ov) => {
        if (o === 7 && ov === 1n) mapEntry = true;
      });
    }
  });
  return { name, fields, nested, mapEntry };
}

function decodeField(buf: Uint8Array): ProtoField {
  let name = '';
  let number = 0;
  let repeated = false;
  let type = 0;
  let typeName = '';
  eachField(buf, (no, v) => {
    if (no === 1 && v instanceof Uint8Array) name = text(v);
    else if (no === 3 && typeof v === 'bigint') number = Number(v);
    else if (no === 4 && typeof v === 'bigint') repeated = v === 3n;
    else if (no === 5 && typeof v === 'bigint') type = Number(v);
    else if (no === 6 && v instanceof Uint8Array) typeName = text(v);
  });
  return { name, number, repeated, type, typeName };
}
