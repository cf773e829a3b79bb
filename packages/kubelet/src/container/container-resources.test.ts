import { describe, expect, it } from 'vitest';
import { milliCpuToShares, toResources } from './container-resources.js';

describe('milliCpuToShares', () => {
  it.each([
    [0, 2],
    [1, 2],
    [100, 102],
    [250, 256],
    [1000, 1024],
    [2000, 2048],
    [1_000_000, 262144],
  ])('%d m -> %d shares', (milli, shares) => {
    expect(milliCpuToShares(milli)).toBe(shares);
  });
});

describe('toResources', () => {
  it('converts limits and requests', () => {
    expect(toResources({ resources: { limits: { cpu: '1500m', memory: '128Mi' }, requests: { cpu: '250m' } } })).toEqual({
      cpuMillis: 1500,
      cpuShares: 256,
      memoryBytes: 134217728,
    });
  });
  it('takes the request from the limit when no request is set', () => {
    expect(toResources({ resources: { limits: { cpu: '2' } } })).toEqual({ cpuMillis: 2000, cpuShares: 2048 });
  });
  it('gives a best-effort container the minimum shares and no limits', () => {
    expect(toResources({})).toEqual({ cpuShares: 2 });
  });
});
