import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import { describe, expect, it } from 'vitest';
import { validateCreate, validateUpdate } from './registry.js';

const valid = (): EndpointSlice => ({
  metadata: { name: 'web-abcde', namespace: 'default' },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true }, nodeName: 'node-1', hostname: 'web-0' }],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
});
const errors = (s: EndpointSlice): string[] => validateCreate('discovery.k8s.io', 'EndpointSlice', s as never).map((e) => e.toString());

describe('EndpointSlice validation', () => {
  it('accepts a well-formed slice', () => {
    expect(errors(valid())).toEqual([]);
  });

  it('rejects a missing or unknown addressType', () => {
    expect(errors({ ...valid(), addressType: '' })).toEqual(['addressType: Required value']);
    expect(errors({ ...valid(), addressType: 'IPv5' })).toEqual(['addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"']);
  });

  it('checks addresses against the address type', () => {
    const s = valid();
    s.endpoints = [{ addresses: [] }, { addresses: ['fd00::1'] }, { addresses: ['127.0.0.1'] }];
    expect(errors(s)).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
      'endpoints[1].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
      'endpoints[2].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });

  it('checks ports: unique names, known protocols', () => {
    const s = valid();
    s.ports = [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'http', port: 81, protocol: 'TCP' }, { name: 'x', port: 82, protocol: 'ICMP' }];
    expect(errors(s)).toEqual([
      'ports[1].name: Duplicate value: "http"',
      'ports[2].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('keeps addressType immutable', () => {
    const old = { ...valid(), metadata: { ...valid().metadata, resourceVersion: '1' } };
    const next = { ...old, addressType: 'IPv6', endpoints: [] };
    expect(validateUpdate('discovery.k8s.io', 'EndpointSlice', next as never, old as never).map((e) => e.toString())).toEqual([
      'addressType: Invalid value: "IPv6": field is immutable',
    ]);
  });
});
