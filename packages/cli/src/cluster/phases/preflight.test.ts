import { describe, expect, it } from 'vitest';
import { firstHost } from './preflight.js';

describe('firstHost', () => {
  it('is the address Docker gives the bridge', () => {
    expect(firstHost('10.244.3.0/24')).toBe('10.244.3.1');
    expect(firstHost('172.18.0.0/16')).toBe('172.18.0.1');
    expect(firstHost('fd00::/64')).toBeUndefined();
  });
});
