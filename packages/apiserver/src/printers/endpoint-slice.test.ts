import { describe, expect, it } from 'vitest';
import type { DiscoveryEndpoint } from '@kubelab/api';
import { endpointSlicePrinter, formatDiscoveryEndpoints, formatDiscoveryPorts } from './endpoint-slice.js';
import { MINUTE, NOW, ago } from './test-time.js';

const ep = (...addresses: string[]): DiscoveryEndpoint => ({ addresses });

describe('formatDiscoveryPorts', () => {
  it.each<[string, Parameters<typeof formatDiscoveryPorts>[0], string]>([
    ['no ports', [], '<unset>'],
    ['absent', undefined, '<unset>'],
    ['numbers', [{ port: 8080 }, { port: 8443 }], '8080,8443'],
    ['a name without a number', [{ name: 'http' }], 'http'],
    ['neither: all ports', [{}], '*'],
    ['more than three', [{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }, { port: 5 }], '1,2,3 + 2 more...'],
  ])('%s', (_name, ports, want) => {
    expect(formatDiscoveryPorts(ports)).toBe(want);
  });
});

describe('formatDiscoveryEndpoints', () => {
  it.each<[string, DiscoveryEndpoint[], string]>([
    ['none', [], '<unset>'],
    ['every address of every endpoint', [ep('10.0.0.1'), ep('10.0.0.2', '10.0.0.3')], '10.0.0.1,10.0.0.2,10.0.0.3'],
    ['more than three', [ep('10.0.0.1'), ep('10.0.0.2'), ep('10.0.0.3'), ep('10.0.0.4')], '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...'],
  ])('%s', (_name, endpoints, want) => {
    expect(formatDiscoveryEndpoints(endpoints)).toBe(want);
  });
});

describe('endpointslice printer', () => {
  it('prints NAME ADDRESSTYPE PORTS ENDPOINTS AGE', () => {
    const slice = {
      metadata: { name: 'web-x7k2p', creationTimestamp: ago(3 * MINUTE) },
      addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [ep('10.244.1.5'), ep('10.244.2.7')],
    };
    expect(endpointSlicePrinter.print(slice, NOW).cells).toEqual(['web-x7k2p', 'IPv4', '8080', '10.244.1.5,10.244.2.7', '3m']);
    expect(endpointSlicePrinter.columns.map((c) => c.name)).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
  });
});
