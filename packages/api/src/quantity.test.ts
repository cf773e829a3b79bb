import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  parseQuantity,
  Quantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
} from './quantity.js';

describe('parseQuantity canonical form', () => {
  it.each([
    ['0', '0'],
    ['1', '1'],
    ['-1', '-1'],
    ['+1', '1'],
    ['00', '0'],
    ['0Mi', '0'],
    ['1.5', '1500m'],
    ['.5', '500m'],
    ['5.', '5'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['100m', '100m'],
    ['1000', '1k'],
    ['2000M', '2G'],
    ['1k', '1k'],
    ['1M', '1M'],
    ['1G', '1G'],
    ['1T', '1T'],
    ['1P', '1P'],
    ['1E', '1E'],
    ['0.0001', '100u'],
    ['1n', '1n'],
    ['0.1n', '1n'],
    ['-0.1n', '-1n'],
    ['1u', '1u'],
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['100Mi', '100Mi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['1Gi', '1Gi'],
    ['1Ti', '1Ti'],
    ['1Pi', '1Pi'],
    ['1Ei', '1Ei'],
    ['1.1Ki', '1126400m'],
    ['0.5Ki', '512'],
    ['1023', '1023'],
    ['-1Ki', '-1Ki'],
    ['8Ei', '9223372036854775807'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['12e6', '12e6'],
    ['1e-3', '1e-3'],
    ['100e-3', '100e-3'],
    ['1e0', '1'],
    ['1.5e3', '1500'],
    ['99999999999999999999', '99999999999999999999'],
  ])('%j → %j', (input, want) => {
    expect(parseQuantity(input).toString()).toBe(want);
  });

  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['1.5.5', QUANTITY_FORMAT_ERROR],
    ['1Q', QUANTITY_FORMAT_ERROR],
    ['1KiB', QUANTITY_FORMAT_ERROR],
    ['1Kib', QUANTITY_FORMAT_ERROR],
    ['1 ', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1e1.5', QUANTITY_FORMAT_ERROR],
    ['1ki', QUANTITY_SUFFIX_ERROR],
    ['1e', QUANTITY_SUFFIX_ERROR],
    ['1i', QUANTITY_SUFFIX_ERROR],
    ['1ee3', QUANTITY_SUFFIX_ERROR],
  ])('%j is rejected', (input, message) => {
    expect(() => parseQuantity(input)).toThrow(message);
  });

  it('uses the exact upstream regular-expression message', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});

describe('Quantity values', () => {
  it.each([
    ['1', 1, 1000],
    ['100m', 1, 100],
    ['1.5', 2, 1500],
    ['1Ki', 1024, 1024000],
    ['1n', 1, 1],
    ['-1.5', -2, -1500],
    ['0', 0, 0],
  ])('%j: value %d, milliValue %d', (input, value, milli) => {
    const q = parseQuantity(input);
    expect(q.value()).toBe(value);
    expect(q.milliValue()).toBe(milli);
  });

  it.each([
    ['1', '1000m', 0],
    ['1Ki', '1k', 1],
    ['500m', '1', -1],
    ['1Gi', '1073741824', 0],
    ['-1', '0', -1],
  ])('compare(%j, %j) = %d', (a, b, want) => {
    expect(parseQuantity(a).compare(parseQuantity(b))).toBe(want);
  });

  it('adds, subtracts and rounds', () => {
    expect(parseQuantity('100m').add(parseQuantity('1')).toString()).toBe('1100m');
    expect(parseQuantity('0').add(parseQuantity('1Mi')).toString()).toBe('1Mi');
    expect(parseQuantity('1Gi').sub(parseQuantity('512Mi')).toString()).toBe('512Mi');
    expect(parseQuantity('1.0001').roundUp(-3).toString()).toBe('1001m');
    expect(Quantity.fromMilli(250).toString()).toBe('250m');
    expect(Quantity.fromValue(2048, 'BinarySI').toString()).toBe('2Ki');
    expect(JSON.stringify({ q: parseQuantity('1.5Gi') })).toBe('{"q":"1536Mi"}');
  });

  it('canonicalQuantity returns undefined for invalid input', () => {
    expect(canonicalQuantity('2000m')).toBe('2');
    expect(canonicalQuantity('nope')).toBeUndefined();
  });
});
