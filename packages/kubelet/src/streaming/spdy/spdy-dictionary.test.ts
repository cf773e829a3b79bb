import { describe, expect, it } from 'vitest';
import { SPDY3_DICTIONARY } from './spdy-dictionary.js';
import { adler32 } from './spdy-header-block.js';

describe('SPDY3_DICTIONARY', () => {
  it('is the 1423-byte SPDY/3 dictionary zlib peers name by its Adler-32', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(adler32(SPDY3_DICTIONARY)).toBe(0xe3c6a7c2);
    expect(SPDY3_DICTIONARY.subarray(0, 11).toString('latin1')).toBe('\0\0\0\x07options');
    expect(SPDY3_DICTIONARY.subarray(-6).toString('latin1')).toBe('enq=0.');
  });
});
