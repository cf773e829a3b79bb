/**
 * A minimal protobuf writer for hand-built messages: a message is a list of
 * `[fieldNumber, value]`, where a string or nested message is length-delimited and a boolean a
 * varint. Proto3 defaults (empty strings, false) are omitted; nested messages never are, since
 * their presence selects a `oneof` branch.
 */
export type ProtoValue = string | boolean | ProtoMessage;
export type ProtoField = readonly [number, ProtoValue];
export type ProtoMessage = readonly ProtoField[];

export function encodeMessage(message: ProtoMessage): Buffer {
  const parts: Buffer[] = [];
  for (const [field, value] of message) {
    if (typeof value === 'boolean') {
      if (value) parts.push(varint(field << 3), varint(1));
    } else if (typeof value === 'string') {
      if (value !== '') parts.push(...lengthDelimited(field, Buffer.from(value, 'utf8')));
    } else {
      parts.push(...lengthDelimited(field, encodeMessage(value)));
    }
  }
  return Buffer.concat(parts);
}

function lengthDelimited(field: number, bytes: Buffer): Buffer[] {
  return [varint((field << 3) | 2), varint(bytes.length), bytes];
}

export function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n >>> 0;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
}
