import { describe, expect, it } from 'vitest';
import { expand, mappingFuncFor } from './expansion.js';

describe('expand', () => {
  const mapping = mappingFuncFor(
    new Map([
      ['VAR_A', 'A'],
      ['VAR_B', 'B'],
    ]),
    { VAR_C: 'C', VAR_EMPTY: '', BLOCK: '$(VAR_A)' },
  );
  const cases: [string, string][] = [
    ['$(VAR_A)', 'A'],
    ['___$(VAR_B)___', '___B___'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['f000-$$VAR_A', 'f000-$VAR_A'],
    ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
    ['$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
    ['$(VAR_DNE)', '$(VAR_DNE)'],
    ['$(VAR_A', '$(VAR_A'],
    ['$VAR_A', '$VAR_A'],
    ['$$', '$'],
    ['$', '$'],
    ['$$(VAR_A)', '$(VAR_A)'],
    ['$(VAR_A)$', 'A$'],
    ['$()', '$()'],
    ['x$(VAR_EMPTY)y', 'xy'],
    ['$(BLOCK)', '$(VAR_A)'],
    ['$(VAR_A)$$(VAR_B)', 'A$(VAR_B)'],
    ['no refs at all', 'no refs at all'],
  ];
  it.each(cases)('%s -> %s', (input, want) => {
    expect(expand(input, mapping)).toBe(want);
  });

  it('looks contexts up in order', () => {
    const m = mappingFuncFor({ X: 'first' }, { X: 'second', Y: 'y' });
    expect(expand('$(X)$(Y)', m)).toBe('firsty');
  });
});
