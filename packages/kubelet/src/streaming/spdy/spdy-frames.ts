/**
 * SPDY/3 framing (draft-mbelshe-httpbis-spdy-00 §2.2, plus SPDY/3.1's connection-level
 * WINDOW_UPDATE on stream 0). Every frame has an 8-byte header; control frames start with the
 * control bit, version 3 and a type, data frames with a 31-bit stream id. Pure encoding and
 * decoding; the connection logic lives in spdy-connection.ts.
 */

export const SPDY_VERSION = 3;
export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;
export const SETTINGS_INITIAL_WINDOW_SIZE = 7;
export const DEFAULT_INITIAL_WINDOW_SIZE = 64 * 1024;

export const CONTROL_TYPE = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

export const RST_STATUS = {
  PROTOCOL_ERROR: 1,
  INVALID_STREAM: 2,
  REFUSED_STREAM: 3,
  UNSUPPORTED_VERSION: 4,
  CANCEL: 5,
  INTERNAL_ERROR: 6,
  FLOW_CONTROL_ERROR: 7,
  STREAM_IN_USE: 8,
  STREAM_ALREADY_CLOSED: 9,
} as const;

export type SpdyFrame =
  | { type: 'data'; streamId: number; flags: number; data: Buffer }
  | { type: 'syn_stream'; streamId: number; associatedStreamId: number; priority: number; flags: number; headerBlock: Buffer }
  | { type: 'syn_reply'; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'headers'; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'rst_stream'; streamId: number; status: number }
  | { type: 'settings'; flags: number; entries: { flags: number; id: number; value: number }[] }
  | { type: 'ping'; id: number }
  | { type: 'goaway'; lastGoodStreamId: number; status: number }
  | { type: 'window_update'; streamId: number; delta: number }
  | { type: 'unknown'; version: number; controlType: number; flags: number; payload: Buffer };

const ID_MASK = 0x7fffffff;

function header(first: number, flags: number, length: number): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeUInt32BE(first >>> 0, 0);
  b.writeUInt8(flags, 4);
  b.writeUIntBE(length, 5, 3);
  return b;
}

function control(type: number, flags: number, payload: Buffer): Buffer {
  const first = (0x8000 | SPDY_VERSION) * 0x10000 + type;
  return Buffer.concat([header(first, flags, payload.length), payload]);
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.allocUnsafe(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

export function encodeData(streamId: number, flags: number, data: Buffer): Buffer {
  return Buffer.concat([header(streamId & ID_MASK, flags, data.length), data]);
}

/** SYN_STREAM with priority 0 and no associated stream (what a client sends; used by tests). */
export function encodeSynStream(streamId: number, flags: number, headerBlock: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt32BE(streamId & ID_MASK, 0);
  return control(CONTROL_TYPE.SYN_STREAM, flags, Buffer.concat([fixed, headerBlock]));
}

export function encodeSynReply(streamId: number, flags: number, headerBlock: Buffer): Buffer {
  return control(CONTROL_TYPE.SYN_REPLY, flags, Buffer.concat([u32s(streamId & ID_MASK), headerBlock]));
}

export function encodeRstStream(streamId: number, status: number): Buffer {
  return control(CONTROL_TYPE.RST_STREAM, 0, u32s(streamId & ID_MASK, status));
}

export function encodeSettings(entries: { flags: number; id: number; value: number }[]): Buffer {
  const body = Buffer.allocUnsafe(4 + entries.length * 8);
  body.writeUInt32BE(entries.length, 0);
  entries.forEach((e, i) => {
    body.writeUInt8(e.flags, 4 + i * 8);
    body.writeUIntBE(e.id, 5 + i * 8, 3);
    body.writeUInt32BE(e.value >>> 0, 8 + i * 8);
  });
  return control(CONTROL_TYPE.SETTINGS, 0, body);
}

export function encodePing(id: number): Buffer {
  return control(CONTROL_TYPE.PING, 0, u32s(id));
}

export function encodeGoAway(lastGoodStreamId: number, status: number): Buffer {
  return control(CONTROL_TYPE.GOAWAY, 0, u32s(lastGoodStreamId & ID_MASK, status));
}

export function encodeWindowUpdate(streamId: number, delta: number): Buffer {
  return control(CONTROL_TYPE.WINDOW_UPDATE, 0, u32s(streamId & ID_MASK, delta & ID_MASK));
}

/** Decodes one complete frame (header and payload). */
export function decodeFrame(frame: Buffer): SpdyFrame {
  const flags = frame.readUInt8(4);
  const p = frame.subarray(8);
  if ((frame.readUInt8(0) & 0x80) === 0) {
    return { type: 'data', streamId: frame.readUInt32BE(0) & ID_MASK, flags, data: p };
  }
  const version = frame.readUInt16BE(0) & 0x7fff;
  const controlType = frame.readUInt16BE(2);
  const id = (offset: number): number => (p.length >= offset + 4 ? p.readUInt32BE(offset) & ID_MASK : 0);
  const u32 = (offset: number): number => (p.length >= offset + 4 ? p.readUInt32BE(offset) : 0);
  if (version !== SPDY_VERSION) return { type: 'unknown', version, controlType, flags, payload: p };
  switch (controlType) {
    case CONTROL_TYPE.SYN_STREAM:
      return {
        type: 'syn_stream',
        streamId: id(0),
        associatedStreamId: id(4),
        priority: p.length > 8 ? (p.readUInt8(8) >> 5) & 0x07 : 0,
        flags,
        headerBlock: p.subarray(10),
      };
    case CONTROL_TYPE.SYN_REPLY:
      return { type: 'syn_reply', streamId: id(0), flags, headerBlock: p.subarray(4) };
    case CONTROL_TYPE.HEADERS:
      return { type: 'headers', streamId: id(0), flags, headerBlock: p.subarray(4) };
    case CONTROL_TYPE.RST_STREAM:
      return { type: 'rst_stream', streamId: id(0), status: u32(4) };
    case CONTROL_TYPE.SETTINGS:
      return { type: 'settings', flags, entries: decodeSettingsEntries(p) };
    case CONTROL_TYPE.PING:
      return { type: 'ping', id: u32(0) };
    case CONTROL_TYPE.GOAWAY:
      return { type: 'goaway', lastGoodStreamId: id(0), status: u32(4) };
    case CONTROL_TYPE.WINDOW_UPDATE:
      return { type: 'window_update', streamId: id(0), delta: id(4) };
    default:
      return { type: 'unknown', version, controlType, flags, payload: p };
  }
}

function decodeSettingsEntries(p: Buffer): { flags: number; id: number; value: number }[] {
  const count = p.length >= 4 ? p.readUInt32BE(0) : 0;
  const entries: { flags: number; id: number; value: number }[] = [];
  for (let i = 0; i < count && 4 + i * 8 + 8 <= p.length; i++) {
    const o = 4 + i * 8;
    entries.push({ flags: p.readUInt8(o), id: p.readUIntBE(o + 1, 3), value: p.readUInt32BE(o + 4) });
  }
  return entries;
}

/** Cuts a byte stream into frames; frames may be split across or packed into chunks. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): SpdyFrame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: SpdyFrame[] = [];
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUIntBE(5, 3);
      if (this.buffer.length < 8 + length) break;
      frames.push(decodeFrame(this.buffer.subarray(0, 8 + length)));
      this.buffer = this.buffer.subarray(8 + length);
    }
    return frames;
  }
}
