import { describe, expect, it } from 'vitest';
import {
  WIRE_END_GROUP,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_START_GROUP,
  WIRE_VARINT,
  WireFormatError,
  WireReader,
  toFloat32,
  toFloat64,
  toInt32,
  toInt64,
  toUint32,
} from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

describe('WireReader', () => {
  it('reads one- and multi-byte varints', () => {
    const r = new WireReader(Uint8Array.from([0x08, 0x96, 0x01, 0xac, 0x02]));
    expect(r.readVarint()).toBe(8n);
    expect(r.readVarint()).toBe(150n);
    expect(r.readVarint()).toBe(300n);
    expect(r.done).toBe(true);
  });

  it("reads negative int32/int64 written as ten-byte two's complement varints", () => {
    const buf = new WireWriter().varint(-1).varint(-2147483648).varint(-5_000_000_000).finish();
    expect(buf.length).toBe(30);
    const r = new WireReader(buf);
    expect(toInt32(r.readVarint())).toBe(-1);
    expect(toInt32(r.readVarint())).toBe(-2147483648);
    expect(toInt64(r.readVarint())).toBe(-5_000_000_000);
  });

  it('keeps the full 64 bits of a varint', () => {
    const r = new WireReader(new WireWriter().varint(2n ** 64n - 1n).finish());
    expect(r.readVarint()).toBe(2n ** 64n - 1n);
  });

  it('reads tags, fixed-width values and length-delimited payloads', () => {
    const buf = new WireWriter()
      .bytesField(1, 'web')
      .fixed64Field(2, 0x3ff8000000000000n) // 1.5
      .fixed32Field(3, 0x3fc00000) // 1.5f
      .varintField(536870911, 1)
      .finish();
    const r = new WireReader(buf);
    expect(r.readTag()).toEqual({ number: 1, wireType: WIRE_LENGTH_DELIMITED });
    expect(new TextDecoder().decode(r.readBytes())).toBe('web');
    expect(r.readTag()).toEqual({ number: 2, wireType: WIRE_FIXED64 });
    expect(toFloat64(r.readFixed64())).toBe(1.5);
    expect(r.readTag()).toEqual({ number: 3, wireType: WIRE_FIXED32 });
    expect(toFloat32(r.readFixed32())).toBe(1.5);
    expect(r.readTag()).toEqual({ number: 536870911, wireType: WIRE_VARINT });
    expect(r.readVarint()).toBe(1n);
  });

  it('skips every wire type, including nested groups', () => {
    const buf = new WireWriter()
      .varintField(1, 300)
      .fixed64Field(2, 1n)
      .bytesField(3, 'abc')
      .fixed32Field(4, 1)
      .tag(5, WIRE_START_GROUP)
      .varintField(1, 1)
      .tag(6, WIRE_START_GROUP)
      .tag(6, WIRE_END_GROUP)
      .tag(5, WIRE_END_GROUP)
      .varintField(9, 42)
      .finish();
    const r = new WireReader(buf);
    for (let i = 0; i < 5; i++) r.skip(r.readTag());
    expect(r.readTag().number).toBe(9);
    expect(r.readVarint()).toBe(42n);
    expect(r.done).toBe(true);
  });

  it("rejects truncated input with Go's messages", () => {
    expect(() => new WireReader(Uint8Array.from([0x96])).readVarint()).toThrow(
      new WireFormatError('unexpected EOF'),
    );
    expect(() => new WireReader(Uint8Array.from([0x05, 0x61])).readBytes()).toThrow(
      'unexpected EOF',
    );
    expect(() => new WireReader(Uint8Array.from([1, 2, 3])).readFixed32()).toThrow(
      'unexpected EOF',
    );
    expect(() => new WireReader(new Uint8Array(11).fill(0xff)).readVarint()).toThrow(
      'proto: integer overflow',
    );
  });

  it('rejects illegal wire types and field number zero', () => {
    expect(() => new WireReader(Uint8Array.from([0x0e])).readTag()).toThrow(
      'proto: illegal wireType 6',
    );
    expect(() => new WireReader(Uint8Array.from([0x00])).readTag()).toThrow('proto: illegal tag 0');
  });

  it('converts varints as Go conversions do', () => {
    expect(toInt32(0x1_0000_0005n)).toBe(5);
    expect(toUint32(2n ** 64n - 1n)).toBe(4294967295);
  });
});
