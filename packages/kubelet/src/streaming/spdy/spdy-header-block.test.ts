import { constants, createDeflate, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SPDY3_DICTIONARY } from './spdy-dictionary.js';
import type { HeaderMap } from './spdy-header-block.js';
import {
  adler32,
  decodeHeaderPairs,
  encodeHeaderPairs,
  HeaderBlockDeflater,
  HeaderBlockInflater,
} from './spdy-header-block.js';

const headers = (o: Record<string, string[]>): HeaderMap => new Map(Object.entries(o));

/** Compresses blocks the way a Go client does: one zlib stream, a sync flush per block. */
async function clientBlocks(blocks: Buffer[]): Promise<Buffer[]> {
  const z = createDeflate({ dictionary: SPDY3_DICTIONARY });
  const out: Buffer[] = [];
  for (const block of blocks) {
    const chunks: Buffer[] = [];
    const onData = (c: Buffer): number => chunks.push(c);
    z.on('data', onData);
    z.write(block);
    await new Promise<void>((resolve) => z.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    z.off('data', onData);
    out.push(Buffer.concat(chunks));
  }
  z.close();
  return out;
}

describe('header pairs', () => {
  it('round-trips names and NUL-joined values, lower-casing names', () => {
    const raw = encodeHeaderPairs(headers({ StreamType: ['stdout'], multi: ['a', 'b'] }));
    expect(raw.readUInt32BE(0)).toBe(2);
    expect(decodeHeaderPairs(raw)).toEqual(headers({ streamtype: ['stdout'], multi: ['a', 'b'] }));
  });

  it('rejects a truncated block', () => {
    expect(() => decodeHeaderPairs(Buffer.from([0, 0, 0, 1, 0, 0, 0, 9, 65]))).toThrow('truncated header block');
  });
});

describe('HeaderBlockInflater', () => {
  it('inflates consecutive blocks of one client zlib stream', async () => {
    const blocks = await clientBlocks([
      encodeHeaderPairs(headers({ streamtype: ['error'] })),
      encodeHeaderPairs(headers({ streamtype: ['stdout'] })),
    ]);
    const inflater = new HeaderBlockInflater();
    expect(inflater.inflate(blocks[0] as Buffer)).toEqual(headers({ streamtype: ['error'] }));
    expect(inflater.inflate(blocks[1] as Buffer)).toEqual(headers({ streamtype: ['stdout'] }));
  });
});

describe('HeaderBlockDeflater', () => {
  it('starts a zlib stream with FDICT and the dictionary id, and ends every block with an empty stored block', () => {
    const d = new HeaderBlockDeflater();
    const first = d.deflate(new Map());
    const second = d.deflate(headers({ a: ['b'] }));
    expect(first.subarray(0, 6)).toEqual(Buffer.from([0x78, 0x20, 0xe3, 0xc6, 0xa7, 0xc2]));
    expect(adler32(SPDY3_DICTIONARY)).toBe(first.readUInt32BE(2));
    expect(first.subarray(-5)).toEqual(Buffer.from([0, 0, 0, 0xff, 0xff]));
    expect(second[0]).toBe(0);
    expect(second.subarray(-5)).toEqual(Buffer.from([0, 0, 0, 0xff, 0xff]));
  });

  it('produces blocks that zlib inflates back, in sequence', () => {
    const d = new HeaderBlockDeflater();
    const a = d.deflate(headers({ streamtype: ['error'] }));
    const b = d.deflate(headers({ 'x-big': ['v'.repeat(70_000)] }));
    const opts = { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH };
    const all = inflateSync(Buffer.concat([a, b]), opts);
    const firstRaw = inflateSync(a, opts);
    expect(decodeHeaderPairs(firstRaw)).toEqual(headers({ streamtype: ['error'] }));
    expect(decodeHeaderPairs(all.subarray(firstRaw.length))).toEqual(headers({ 'x-big': ['v'.repeat(70_000)] }));
  });

  it('is understood by the inflater', () => {
    const d = new HeaderBlockDeflater();
    const i = new HeaderBlockInflater();
    expect(i.inflate(d.deflate(headers({ streamtype: ['stdin'] })))).toEqual(headers({ streamtype: ['stdin'] }));
    expect(i.inflate(d.deflate(new Map()))).toEqual(new Map());
  });
});
