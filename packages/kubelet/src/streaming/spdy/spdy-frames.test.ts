import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeData,
  encodeGoAway,
  encodePing,
  encodeRstStream,
  encodeSettings,
  encodeSynReply,
  encodeSynStream,
  encodeWindowUpdate,
  FLAG_FIN,
  FrameReader,
} from './spdy-frames.js';

describe('SPDY/3 frames', () => {
  it('encodes control frames with the control bit, version 3 and type', () => {
    expect(encodePing(7).toString('hex')).toBe('800300060000000400000007');
    expect(encodeGoAway(5, 0).toString('hex')).toBe('80030007000000080000000500000000');
    expect(encodeSynReply(3, FLAG_FIN, Buffer.from([0xaa])).toString('hex')).toBe('800300020100000500000003aa');
  });

  it('encodes data frames with the stream id and flags', () => {
    expect(encodeData(3, FLAG_FIN, Buffer.from('hi')).toString('hex')).toBe('00000003010000026869');
  });

  it('decodes what it encodes', () => {
    expect(decodeFrame(encodeData(9, 0, Buffer.from('x')))).toEqual({ type: 'data', streamId: 9, flags: 0, data: Buffer.from('x') });
    expect(decodeFrame(encodeRstStream(3, 5))).toEqual({ type: 'rst_stream', streamId: 3, status: 5 });
    expect(decodeFrame(encodeWindowUpdate(0, 4096))).toEqual({ type: 'window_update', streamId: 0, delta: 4096 });
    expect(decodeFrame(encodeSettings([{ flags: 0, id: 7, value: 1000 }]))).toEqual({
      type: 'settings',
      flags: 0,
      entries: [{ flags: 0, id: 7, value: 1000 }],
    });
    expect(decodeFrame(encodeSynStream(1, FLAG_FIN, Buffer.from([1, 2])))).toEqual({
      type: 'syn_stream',
      streamId: 1,
      associatedStreamId: 0,
      priority: 0,
      flags: FLAG_FIN,
      headerBlock: Buffer.from([1, 2]),
    });
  });

  it('reports frames of another version as unknown', () => {
    const v2 = encodePing(1);
    v2.writeUInt16BE(0x8002, 0);
    expect(decodeFrame(v2)).toMatchObject({ type: 'unknown', version: 2, controlType: 6 });
  });
});

describe('FrameReader', () => {
  it('reassembles frames split across chunks and splits packed ones', () => {
    const bytes = Buffer.concat([encodePing(1), encodeData(3, 0, Buffer.from('hello')), encodePing(3)]);
    const r = new FrameReader();
    const got = [...r.push(bytes.subarray(0, 5)), ...r.push(bytes.subarray(5, 14)), ...r.push(bytes.subarray(14))];
    expect(got.map((f) => f.type)).toEqual(['ping', 'data', 'ping']);
    expect(got[1]).toMatchObject({ streamId: 3, data: Buffer.from('hello') });
  });
});
