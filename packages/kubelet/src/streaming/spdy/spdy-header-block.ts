/**
 * SPDY/3 name/value header blocks (§2.6.10): a 32-bit count, then length-prefixed names and
 * values (several values of one name joined by NUL), compressed with zlib primed with the SPDY
 * dictionary, as one zlib stream per direction for the whole connection.
 *
 * Inflating keeps every compressed block received so far and inflates the concatenation with a
 * sync flush, taking the new output: header blocks are few and small (one per stream here).
 * Deflating uses stored (uncompressed) deflate blocks, so no compressor state is needed: the
 * first block starts the zlib stream with FDICT and the dictionary's Adler-32, and every block
 * ends with an empty stored block (00 00 00 ff ff). Go's flate reader only hands out the bytes
 * of a stored block once it has read the next block header, so without that empty block the
 * client would never see the end of our header block.
 */
import { constants, inflateSync } from 'node:zlib';
import { SPDY3_DICTIONARY } from './spdy-dictionary.js';

export type HeaderMap = Map<string, string[]>;

/** Upper bound on the compressed header bytes one connection may send us. */
const MAX_COMPRESSED_HEADER_BYTES = 1024 * 1024;
const MAX_STORED_BLOCK = 0xffff;

export function encodeHeaderPairs(headers: HeaderMap): Buffer {
  const parts: Buffer[] = [u32(headers.size)];
  for (const [name, values] of headers) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(values.join('\0'), 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

export function decodeHeaderPairs(raw: Buffer): HeaderMap {
  const headers: HeaderMap = new Map();
  let o = 0;
  const take = (): Buffer => {
    if (o + 4 > raw.length) throw new Error('truncated header block');
    const len = raw.readUInt32BE(o);
    o += 4;
    if (o + len > raw.length) throw new Error('truncated header block');
    const b = raw.subarray(o, o + len);
    o += len;
    return b;
  };
  if (raw.length < 4) throw new Error('truncated header block');
  const count = raw.readUInt32BE(0);
  o = 4;
  for (let i = 0; i < count; i++) {
    const name = take().toString('utf8').toLowerCase();
    const values = take().toString('utf8').split('\0');
    headers.set(name, [...(headers.get(name) ?? []), ...values]);
  }
  return headers;
}

/** Adler-32 (RFC 1950 §8), the checksum a zlib FDICT header names the dictionary by. */
export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

/** Inflates the client's header blocks (one zlib stream across the connection). */
export class HeaderBlockInflater {
  private received: Buffer[] = [];
  private receivedBytes = 0;
  private produced = 0;

  inflate(block: Buffer): HeaderMap {
    this.received.push(block);
    this.receivedBytes += block.length;
    if (this.receivedBytes > MAX_COMPRESSED_HEADER_BYTES) throw new Error('header blocks too large');
    const all = inflateSync(Buffer.concat(this.received), {
      dictionary: SPDY3_DICTIONARY,
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const raw = all.subarray(this.produced);
    this.produced = all.length;
    return decodeHeaderPairs(raw);
  }
}

/** Produces our header blocks as an uncompressed zlib stream the client can inflate. */
export class HeaderBlockDeflater {
  private started = false;

  deflate(headers: HeaderMap): Buffer {
    const raw = encodeHeaderPairs(headers);
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      // CMF 0x78 (deflate, 32K window), FLG 0x20 (FDICT, level 0; 0x7820 % 31 == 0), DICTID.
      parts.push(Buffer.from([0x78, 0x20]), u32(adler32(SPDY3_DICTIONARY)));
    }
    for (let o = 0; o < raw.length; o += MAX_STORED_BLOCK) parts.push(storedBlock(raw.subarray(o, o + MAX_STORED_BLOCK)));
    parts.push(storedBlock(Buffer.alloc(0)));
    return Buffer.concat(parts);
  }
}

/** A non-final stored deflate block: BFINAL=0 BTYPE=00, LEN and NLEN little-endian. */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.allocUnsafe(5);
  head.writeUInt8(0, 0);
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}
