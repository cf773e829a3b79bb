import { describe, expect, it } from 'vitest';
import { formatFloat, goSprintS, goSprintV, goTypeName } from './go-format.js';

describe('goSprintV', () => {
  it.each([
    [null, '<nil>'],
    ['nginx', 'nginx'],
    [80, '80'],
    [1.5, '1.5'],
    [true, 'true'],
    [{ name: 'b', image: 'a' }, 'map[image:a name:b]'],
    [[1, 'x', { a: null }], '[1 x map[a:<nil>]]'],
    [{ B: 1, a: 2 }, 'map[B:1 a:2]'],
  ])('renders %j as %s', (value, text) => {
    expect(goSprintV(value)).toBe(text);
  });
});

describe('goSprintS', () => {
  it.each([
    ['merge', 'merge'],
    [1, '%!s(int64=1)'],
    [2.5, '%!s(float64=2.5)'],
    [false, '%!s(bool=false)'],
    [null, '%!s(<nil>)'],
    [{ $patch: 1 }, 'map[$patch:%!s(int64=1)]'],
  ])('renders %j as %s', (value, text) => {
    expect(goSprintS(value)).toBe(text);
  });
});

describe('formatFloat', () => {
  it.each([
    [1.5, '1.5'],
    [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [123456.5, '123456.5'],
  ])('%d -> %s', (f, text) => {
    expect(formatFloat(f)).toBe(text);
  });
});

describe('goTypeName', () => {
  it.each([
    [{}, 'map[string]interface {}'],
    [[], '[]interface {}'],
    ['s', 'string'],
    [3, 'int64'],
    [3.5, 'float64'],
    [true, 'bool'],
    [null, '%!s(<nil>)'],
  ])('%j is %s', (value, name) => {
    expect(goTypeName(value)).toBe(name);
  });
});
