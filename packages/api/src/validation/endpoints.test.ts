import type { Endpoints } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { endpointsValidation } from './endpoints.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const ep = (subsets: Endpoints['subsets']): Endpoints => ({ metadata: { name: 'web', namespace: 'default' }, subsets });

describe('endpoints validation', () => {
  it.each<[string, Endpoints['subsets'], string[]]>([
    ['a ready address', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80, protocol: 'TCP' }] }], []],
    ['a subset without addresses', [{ ports: [{ port: 80, protocol: 'TCP' }] }], ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']],
    ['a loopback address', [{ addresses: [{ ip: '127.0.0.1' }] }], ['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    [
      'unnamed ports in a multi-port subset',
      [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }] }],
      ['subsets[0].ports[0].name: Required value', 'subsets[0].ports[1].name: Required value'],
    ],
  ])('%s', (_name, subsets, want) => {
    expect(strs(endpointsValidation.create(ep(subsets)))).toEqual(want);
  });
});
