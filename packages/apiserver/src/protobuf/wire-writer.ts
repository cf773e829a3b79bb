/**
 * A minimal protobuf wire-format writer, the counterpart of WireReader: enough to build request
 * bodies in tests (and, later, protobuf responses).
 */
import {
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
  type WireType,
} from './wire-reader.js';
import { PROTOBUF_MAGIC } from './unknown-envelope.js';

export class WireWriter {
  private readonly chunks: number[] = [];

  tag(number: number, wireType: WireType): this {
    return this.varint((BigInt(number) << 3n) | BigInt(wireType));
  }

  /** A varint; negative numbers are written as 64-bit two's complement (ten bytes), as Go does. */
  varint(value: bigint | number | boolean): this {
    let v = BigInt.asUintN(64, BigInt(typeof value === 'boolean' ? Number(value) : value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  bytes(value: Uint8Array | string): this {
    const b = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    this.varint(b.length);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  fixed64(value: bigint): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt.asUintN(64, value), true);
    for (let i = 0; i < 8; i++) this.chunks.push(view.getUint8(i));
    return this;
  }

  fixed32(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, value >>> 0, true);
    for (let i = 0; i < 4; i++) this.chunks.push(view.getUint8(i));
    return this;
  }

  /** `number: varint` field. */
  varintField(number: number, value: bigint | number | boolean): this {
    return this.tag(number, WIRE_VARINT).varint(value);
  }

  /** `number: bytes` field (strings, bytes and embedded messages). */
  bytesField(number: number, value: Uint8Array | string): this {
    return this.tag(number, WIRE_LENGTH_DELIMITED).bytes(value);
  }

  fixed64Field(number: number, value: bigint): this {
    return this.tag(number, WIRE_FIXED64).fixed64(value);
  }

  fixed32Field(number: number, value: number): this {
    return this.tag(number, WIRE_FIXED32).fixed32(value);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** A complete protobuf request body: magic + runtime.Unknown{typeMeta, raw}. */
export function encodeProtobufBody(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const typeMeta = new WireWriter().bytesField(1, apiVersion).bytesField(2, kind).finish();
  const unknown = new WireWriter().bytesField(1, typeMeta).bytesField(2, raw).finish();
  return Uint8Array.from([...PROTOBUF_MAGIC, ...unknown]);
}
