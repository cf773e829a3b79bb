import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { ipFamily, validateCIDR, validateIP } from './ip.js';

const p = FieldPath.root('ip');

describe('IP checks', () => {
  it.each([
    ['10.0.0.1', 4],
    ['010.000.000.001', 4],
    ['256.0.0.1', 0],
    ['2001:db8::1', 6],
    ['::1', 6],
    ['x', 0],
  ])('ipFamily(%j) = %d', (ip, want) => {
    expect(ipFamily(ip)).toBe(want);
  });

  it('uses the upstream messages', () => {
    expect(validateIP('1.2.3', p).map(String)).toEqual(['ip: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(validateCIDR('10.0.0.0/8', p)).toEqual([]);
    expect(validateCIDR('2001:db8::/64', p)).toEqual([]);
    expect(validateCIDR('10.0.0.0', p).map(String)).toEqual(['ip: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']);
  });
});
