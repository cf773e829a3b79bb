import { describe, expect, it } from 'vitest';
import { encodeMessage, varint } from './protobuf-message.js';

describe('encodeMessage', () => {
  it('writes varints', () => {
    expect([...varint(1)]).toEqual([1]);
    expect([...varint(300)]).toEqual([0xac, 0x02]);
  });

  it('writes strings, booleans and nested messages, omitting proto3 defaults', () => {
    const bytes = encodeMessage([
      [1, '2.0'],
      [2, [[1, 'K']]],
      [3, true],
      [4, false],
      [5, ''],
      [6, []],
    ]);
    expect([...bytes]).toEqual([
      0x0a, 3, 0x32, 0x2e, 0x30, 0x12, 3, 0x0a, 1, 0x4b, 0x18, 1, 0x32, 0,
    ]);
  });

  it('encodes field numbers above 15 with multi-byte tags', () => {
    expect([...encodeMessage([[20, true]])]).toEqual([0xa0, 0x01, 1]);
  });
});
