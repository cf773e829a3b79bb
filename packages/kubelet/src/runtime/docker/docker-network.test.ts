import { describe, expect, it } from 'vitest';
import { chooseSubnet, cidrRange, overlaps } from './docker-network.js';

describe('cluster network subnets', () => {
  it('computes ranges and overlaps', () => {
    expect(cidrRange('10.244.1.0/24')).toEqual([0x0af40100, 0x0af401ff]);
    expect(overlaps('10.244.1.0/24', '10.0.0.0/8')).toBe(true);
    expect(overlaps('10.244.1.0/24', '10.244.2.0/24')).toBe(false);
    expect(overlaps('10.244.1.0/24', 'fd00::/64')).toBe(false);
  });
  it('picks the first free /24 of 10.244.0.0/16', () => {
    expect(chooseSubnet(['172.17.0.0/16'])).toBe('10.244.0.0/24');
    expect(chooseSubnet(['10.244.0.0/24', '10.244.1.0/24'])).toBe('10.244.2.0/24');
    expect(chooseSubnet(['10.244.0.0/23'], 1)).toBe('10.244.3.0/24');
    expect(() => chooseSubnet(['10.0.0.0/8'])).toThrow(/no free/);
  });
});
