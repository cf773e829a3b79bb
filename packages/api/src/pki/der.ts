/**
 * A minimal DER (ASN.1 Distinguished Encoding Rules) writer and reader: just the types an X.509
 * v3 certificate needs. Pure; no I/O.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const sequence = (...items: Buffer[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));

/** A SET OF: DER sorts the encoded elements. */
export const set = (...items: Buffer[]): Buffer =>
  tlv(TAG.SET, Buffer.concat([...items].sort(Buffer.compare)));

/** A non-negative INTEGER from big-endian magnitude bytes (or a small number). */
export function integer(value: Buffer | number): Buffer {
  let bytes = value;
  if (typeof bytes === 'number') {
    const hex = bytes.toString(16);
    bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.INTEGER, bytes);
}

export const boolean = (v: boolean): Buffer => tlv(TAG.BOOLEAN, Buffer.from([v ? 0xff : 0x00]));
export const nullValue = (): Buffer => tlv(TAG.NULL, Buffer.alloc(0));
export const octetString = (b: Buffer): Buffer => tlv(TAG.OCTET_STRING, b);
export const utf8String = (s: string): Buffer => tlv(TAG.UTF8_STRING, Buffer.from(s, 'utf8'));
export const ia5String = (s: string): Buffer => tlv(TAG.IA5_STRING, Buffer.from(s, 'ascii'));

export const bitString = (b: Buffer, unusedBits = 0): Buffer =>
  tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), b]));

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** PrintableString when every character allows it, else UTF8String (as Go's asn1 does). */
export const directoryString = (s: string): Buffer =>
  PRINTABLE.test(s) ? tlv(TAG.PRINTABLE_STRING, Buffer.from(s, 'ascii')) : utf8String(s);

export function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [a * 40 + b];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

/** Context-specific tag [n]: constructed (EXPLICIT wrapping) or primitive (IMPLICIT). */
export const contextTag = (n: number, content: Buffer, constructed: boolean): Buffer =>
  tlv((constructed ? 0xa0 : 0x80) | n, content);

const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const rest =
    two(d.getUTCMonth() + 1) +
    two(d.getUTCDate()) +
    two(d.getUTCHours()) +
    two(d.getUTCMinutes()) +
    two(d.getUTCSeconds()) +
    'Z';
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, Buffer.from(two(y % 100) + rest, 'ascii'));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(String(y).padStart(4, '0') + rest, 'ascii'));
}

/** One element as read back: its tag, the whole encoding and the content bytes. */
export interface DerElement {
  tag: number;
  raw: Buffer;
  content: Buffer;
}

export function readElement(buf: Buffer, offset = 0): DerElement {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('asn1: truncated element');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[offset + 2 + i] ?? 0);
    header += n;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error('asn1: element runs past the end of the data');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + header, end) };
}

/** The elements inside a constructed element's content. */
export function readChildren(content: Buffer): DerElement[] {
  const out: DerElement[] = [];
  for (let off = 0; off < content.length;) {
    const el = readElement(content, off);
    out.push(el);
    off += el.raw.length;
  }
  return out;
}

export function decodeObjectIdentifier(content: Buffer): string {
  const first = content[0] ?? 0;
  const arcs = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const byte of content.subarray(1)) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  return arcs.join('.');
}
