/**
 * The envelope of a Kubernetes protobuf body: the magic `k8s\0` followed by a runtime.Unknown
 * (k8s.io/apimachinery/pkg/runtime/generated.proto):
 *   message Unknown { TypeMeta typeMeta = 1; bytes raw = 2; string contentEncoding = 3; string contentType = 4; }
 *   message TypeMeta { string apiVersion = 1; string kind = 2; }
 * Errors carry the messages of k8s.io/apimachinery/pkg/runtime/serializer/protobuf.
 */
import { WIRE_LENGTH_DELIMITED, WireFormatError, WireReader } from './wire-reader.js';

export const PROTOBUF_MAGIC: readonly number[] = [0x6b, 0x38, 0x73, 0x00];

export interface UnknownEnvelope {
  readonly apiVersion: string;
  readonly kind: string;
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

const utf8 = new TextDecoder();

export function hasProtobufMagic(body: Uint8Array): boolean {
  return body.length >= PROTOBUF_MAGIC.length && PROTOBUF_MAGIC.every((b, i) => body[i] === b);
}

/** Splits a protobuf request body into its type and raw object bytes. */
export function decodeUnknownEnvelope(body: Uint8Array): UnknownEnvelope {
  if (body.length === 0) throw new WireFormatError('empty data');
  if (!hasProtobufMagic(body)) {
    throw new WireFormatError(
      `provided data does not appear to be a protobuf message, expected prefix [${PROTOBUF_MAGIC.join(' ')}]`,
    );
  }
  if (body.length === PROTOBUF_MAGIC.length) throw new WireFormatError('empty body');
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  let contentEncoding = '';
  let contentType = '';
  const r = new WireReader(body.subarray(PROTOBUF_MAGIC.length));
  while (!r.done) {
    const tag = r.readTag();
    if (tag.wireType !== WIRE_LENGTH_DELIMITED || tag.number > 4) {
      r.skip(tag);
      continue;
    }
    const bytes = r.readBytes();
    if (tag.number === 1) [apiVersion, kind] = decodeTypeMeta(bytes, apiVersion, kind);
    else if (tag.number === 2) raw = bytes;
    else if (tag.number === 3) contentEncoding = utf8.decode(bytes);
    else contentType = utf8.decode(bytes);
  }
  return { apiVersion, kind, raw, contentEncoding, contentType };
}

function decodeTypeMeta(buf: Uint8Array, apiVersion: string, kind: string): [string, string] {
  const r = new WireReader(buf);
  while (!r.done) {
    const tag = r.readTag();
    if (tag.wireType === WIRE_LENGTH_DELIMITED && tag.number === 1) {
      apiVersion = utf8.decode(r.readBytes());
    } else if (tag.wireType === WIRE_LENGTH_DELIMITED && tag.number === 2) {
      kind = utf8.decode(r.readBytes());
    } else {
      r.skip(tag);
    }
  }
  return [apiVersion, kind];
}
