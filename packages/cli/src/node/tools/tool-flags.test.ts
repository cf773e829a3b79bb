import { describe, expect, it } from 'vitest';
import { flagBool, flagInt, flagString, parseToolFlags, ToolFlagError, type ToolFlagSpec } from './tool-flags.js';

const SPECS: ToolFlagSpec[] = [
  { name: 'all', short: 'a', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'name', type: 'string' },
  { name: 'last', short: 'n', type: 'int' },
  { name: 'lines', short: 'l', type: 'string', optionalValue: '10' },
  { name: 'label', type: 'string' },
];

describe('parseToolFlags', () => {
  it('parses combined short booleans, attached and separate values, and long forms', () => {
    const p = parseToolFlags(['-aq', '--name=etcd', '-n5', 'ps', '--label', 'a=b', '--label=c=d'], SPECS);
    expect(flagBool(p, 'all')).toBe(true);
    expect(flagBool(p, 'quiet')).toBe(true);
    expect(flagString(p, 'name')).toBe('etcd');
    expect(flagInt(p, 'last', 0)).toBe(5);
    expect(p.lists.get('label')).toEqual(['a=b', 'c=d']);
    expect(p.positional).toEqual(['ps']);
  });

  it('takes everything after -- as arguments', () => {
    expect(parseToolFlags(['x', '--', '-a', '--name'], SPECS).positional).toEqual(['x', '-a', '--name']);
  });

  it('uses the optional value when the next word is not a number', () => {
    expect(flagString(parseToolFlags(['-l', 'x'], SPECS), 'lines')).toBe('10');
    expect(flagString(parseToolFlags(['-l', '20'], SPECS), 'lines')).toBe('20');
    expect(flagString(parseToolFlags(['--lines'], SPECS), 'lines')).toBe('10');
  });

  it('rejects unknown flags, missing values and non-numbers as urfave/cli does', () => {
    expect(() => parseToolFlags(['--bogus'], SPECS)).toThrow(new ToolFlagError('flag provided but not defined: -bogus'));
    expect(() => parseToolFlags(['--name'], SPECS)).toThrow('flag needs an argument: -name');
    expect(() => parseToolFlags(['-n', 'x'], SPECS)).toThrow('invalid value "x" for flag -last: parse error');
  });
});
