import { describe, expect, it } from 'vitest';
import { formatNumber, markdownTable, textTable } from './report.js';

describe('report tables', () => {
  it('pads text columns to the widest cell', () => {
    expect(textTable(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
  });

  it('escapes pipes in Markdown cells', () => {
    expect(markdownTable(['x'], [['a|b']])).toBe('| x |\n|---|\n| a\\|b |');
  });

  it('formats numbers by magnitude', () => {
    expect([
      formatNumber(12345.6),
      formatNumber(42.25),
      formatNumber(3.14159),
      formatNumber(Number.NaN),
    ]).toEqual(['12,346', '42.3', '3.14', 'n/a']);
  });
});
