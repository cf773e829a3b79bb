import { describe, expect, it } from 'vitest';
import type { Endpoints } from '@kubelab/api';
import { endpointsPrinter, formatEndpoints } from './endpoints.js';
import { MINUTE, NOW, ago } from './test-time.js';

type EndpointSubset = NonNullable<Endpoints['subsets']>[number];
const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

describe('formatEndpoints', () => {
  it.each<[string, EndpointSubset[] | undefined, string]>([
    ['no subsets', undefined, '<none>'],
    ['one address, one port', [{ addresses: addrs('10.244.0.5'), ports: [{ port: 8080 }] }], '10.244.0.5:8080'],
    ['every address times every port', [{ addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }, { port: 443 }] }], '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...'],
    ['headless without ports', [{ addresses: addrs('10.0.0.1', '10.0.0.2') }], '10.0.0.1,10.0.0.2'],
    ['IPv6 is bracketed', [{ addresses: addrs('fd00::1'), ports: [{ port: 53 }] }], '[fd00::1]:53'],
    [
      'more than three across subsets',
      [
        { addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }] },
        { addresses: addrs('10.0.1.1', '10.0.1.2', '10.0.1.3'), ports: [{ port: 80 }] },
      ],
      '10.0.0.1:80,10.0.0.2:80,10.0.1.1:80 + 2 more...',
    ],
    ['only not-ready addresses', [{ notReadyAddresses: addrs('10.0.0.9'), ports: [{ port: 80 }] }], ''],
  ])('%s', (_name, subsets, want) => {
    expect(formatEndpoints({ metadata: { name: 'web' }, subsets })).toBe(want);
  });
});

describe('endpoints printer', () => {
  it('prints NAME ENDPOINTS AGE', () => {
    const ep = { metadata: { name: 'kubernetes', creationTimestamp: ago(15 * MINUTE) }, subsets: [{ addresses: addrs('172.18.0.2'), ports: [{ name: 'https', port: 6443 }] }] };
    expect(endpointsPrinter.print(ep, NOW).cells).toEqual(['kubernetes', '172.18.0.2:6443', '15m']);
    expect(endpointsPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Endpoints', 'Age']);
  });
});
