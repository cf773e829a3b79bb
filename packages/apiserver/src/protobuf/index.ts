export { decodeProtobufObject, LEGACY_SCHEME_NAME } from './decode.js';
export type { DecodedProtobufObject, DecodeOptions } from './decode.js';
export {
  isProtobufContentType,
  PROTOBUF_MEDIA_TYPE,
  unsupportedMediaType,
} from './content-type.js';
export { decodeMessage } from './message-decoder.js';
export type { DecodeContext } from './message-decoder.js';
export { decodeUnknownEnvelope, hasProtobufMagic, PROTOBUF_MAGIC } from './unknown-envelope.js';
export type { UnknownEnvelope } from './unknown-envelope.js';
export {
  decodeWellKnown,
  formatGoDuration,
  formatRfc3339,
  isWellKnownType,
} from './well-known-types.js';
export * from './wire-reader.js';
export * from './schema/index.js';
