import { describe, expect, it } from 'vitest';
import { FlagError, parseDuration, parseFlags } from './flag-set.js';
import type { FlagSpec } from './flag-set.js';

const specs: FlagSpec[] = [
  { name: 'secure-port', type: 'int', default: 6443, usage: 'port' },
  { name: 'bind-address', type: 'string', default: '0.0.0.0', usage: 'addr' },
  { name: 'leader-elect', type: 'bool', default: true, usage: 'le' },
  { name: 'v', type: 'int', default: 0, usage: 'verbosity', short: 'v' },
  { name: 'period', type: 'duration', default: 5000, usage: 'p' },
];

describe('parseFlags', () => {
  it('takes --name=value, --name value and bare booleans', () => {
    const p = parseFlags(['--secure-port=7443', '--bind-address', '127.0.0.1', '--leader-elect=false', '-v', '4', 'rest'], specs);
    expect(p.values).toMatchObject({ 'secure-port': 7443, 'bind-address': '127.0.0.1', 'leader-elect': false, v: 4 });
    expect(p.args).toEqual(['rest']);
    expect([...p.set].sort()).toEqual(['bind-address', 'leader-elect', 'secure-port', 'v']);
  });

  it('keeps defaults for flags not given', () => {
    expect(parseFlags([], specs).values['secure-port']).toBe(6443);
  });

  it('refuses unknown flags with pflag wording', () => {
    expect(() => parseFlags(['--nope=1'], specs)).toThrow(new FlagError('unknown flag: --nope'));
  });

  it('refuses unusable values naming the flag', () => {
    expect(() => parseFlags(['--secure-port=abc'], specs)).toThrow(
      'invalid argument "abc" for "--secure-port" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
    expect(() => parseFlags(['--leader-elect=maybe'], specs)).toThrow('strconv.ParseBool: parsing "maybe": invalid syntax');
  });

  it('parses floats as pflag does', () => {
    const fspecs: FlagSpec[] = [{ name: 'rate', type: 'float', default: 0.1, usage: 'r' }];
    expect(parseFlags(['--rate=0.25'], fspecs).values.rate).toBe(0.25);
    expect(() => parseFlags(['--rate=fast'], fspecs)).toThrow('invalid argument "fast" for "--rate" flag: strconv.ParseFloat: parsing "fast": invalid syntax');
  });

  it('parses Go durations', () => {
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(() => parseDuration('5 minutes')).toThrow('time: invalid duration "5 minutes"');
    expect(parseFlags(['--period=10s'], specs).values.period).toBe(10_000);
  });
});
