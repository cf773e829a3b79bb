import { describe, expect, it } from 'vitest';
import { goQuote } from './go-quote.js';

describe('goQuote', () => {
  it.each([
    ['plain', '"plain"'],
    ['with "quotes"', '"with \\"quotes\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak\ttab', '"line\\nbreak\\ttab"'],
    ['bell\x07 nul\x00 del\x7f', '"bell\\a nul\\x00 del\\x7f"'],
    ['héllo 世界', '"héllo 世界"'],
    ['nbsp\u00a0', '"nbsp\\u00a0"'],
    ['', '""'],
  ])('%j', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});
