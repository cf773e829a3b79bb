/**
 * A minimal protobuf wire-format reader (https://protobuf.dev/programming-guides/encoding/).
 * Kubernetes' generated.proto files are proto2 without zigzag (sint) types: int32/int64 are plain
 * varints, negative values taking ten bytes (two's complement), so varints are read as unsigned
 * 64-bit bigints and the caller picks the interpretation.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

export type WireType = 0 | 1 | 2 | 3 | 4 | 5;

/** Malformed input; messages follow Go's protobuf runtime (`unexpected EOF`, `integer overflow`). */
export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

export interface FieldTag {
  readonly number: number;
  readonly wireType: WireType;
}

export class WireReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  get offset(): number {
    return this.pos;
  }

  readTag(): FieldTag {
    const key = this.readVarint();
    const wireType = Number(key & 7n);
    const number = Number(key >> 3n);
    if (wireType > WIRE_FIXED32) {
      throw new WireFormatError(`proto: illegal wireType ${wireType}`);
    }
    if (number <= 0 || number > 0x1fffffff) {
      throw new WireFormatError(`proto: illegal tag ${number} (wire type ${wireType})`);
    }
    return { number, wireType: wireType as WireType };
  }

  /** An unsigned varint of up to 64 bits. */
  readVarint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.nextByte();
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
    }
    throw new WireFormatError('proto: integer overflow');
  }

  readFixed64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }

  readFixed32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** The payload of a length-delimited field (a view, not a copy). */
  readBytes(): Uint8Array {
    const len = this.readVarint();
    if (len > BigInt(this.buf.length - this.pos)) {
      throw new WireFormatError('unexpected EOF');
    }
    const n = Number(len);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Skips the value of a field whose tag has just been read. */
  skip(tag: FieldTag): void {
    switch (tag.wireType) {
      case WIRE_VARINT:
        this.readVarint();
        return;
      case WIRE_FIXED64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LENGTH_DELIMITED:
        this.readBytes();
        return;
      case WIRE_FIXED32:
        this.need(4);
        this.pos += 4;
        return;
      case WIRE_START_GROUP:
        this.skipGroup(tag.number);
        return;
      case WIRE_END_GROUP:
        throw new WireFormatError('proto: unexpected end group');
    }
  }

  private skipGroup(number: number): void {
    for (;;) {
      if (this.done) throw new WireFormatError('unexpected EOF');
      const inner = this.readTag();
      if (inner.wireType === WIRE_END_GROUP) {
        if (inner.number !== number) throw new WireFormatError('proto: mismatched end group');
        return;
      }
      this.skip(inner);
    }
  }

  private nextByte(): number {
    const b = this.buf[this.pos];
    if (b === undefined) throw new WireFormatError('unexpected EOF');
    this.pos += 1;
    return b;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new WireFormatError('unexpected EOF');
  }
}

/** Go's int32(v): the low 32 bits, signed. */
export function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** Go's int64(v) as a JS number (exact up to 2^53). */
export function toInt64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

export function toUint32(v: bigint): number {
  return Number(BigInt.asUintN(32, v));
}

export function toFloat64(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits, true);
  return view.getFloat64(0, true);
}

export function toFloat32(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits, true);
  return view.getFloat32(0, true);
}
