import type { Pod, Service } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import {
  desiredEndpointGroups,
  endpointPorts,
  podToEndpoint,
  serviceAddressTypes,
} from './slice-endpoints.js';
import { endpointPod, type EndpointPodOptions } from '../../testing/endpoint-fixtures.js';

const service = (spec: Service['spec']): Service => ({
  metadata: { name: 'web', namespace: 'ns' },
  spec,
});
const pod = (
  name: string,
  ip: string | undefined,
  o: EndpointPodOptions & { terminating?: boolean } = {},
): Pod => endpointPod(name, ip, { ...o, deleting: o.terminating });
const noZone = (): undefined => undefined;

describe('serviceAddressTypes', () => {
  it('follows ipFamilies, else the clusterIP, else IPv4', () => {
    expect(serviceAddressTypes(service({ ipFamilies: ['IPv4'] }))).toEqual(['IPv4']);
    expect(serviceAddressTypes(service({ ipFamilies: ['IPv6', 'IPv4'] }))).toEqual([
      'IPv6',
      'IPv4',
    ]);
    expect(serviceAddressTypes(service({ clusterIP: 'fd00::10' }))).toEqual(['IPv6']);
    expect(serviceAddressTypes(service({ clusterIP: 'None' }))).toEqual(['IPv4']);
  });
});

describe('endpointPorts', () => {
  it('resolves numeric and named target ports; a port the pod lacks is left out', () => {
    const svc = service({
      ports: [
        { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
        {
          name: 'metrics',
          port: 9090,
          targetPort: 'metrics',
          protocol: 'TCP',
          appProtocol: 'http',
        },
        { name: 'admin', port: 9000, targetPort: 'admin', protocol: 'TCP' },
      ],
    });
    expect(
      endpointPorts(
        svc,
        pod('a', '10.0.0.1', { ports: [{ name: 'metrics', containerPort: 9100 }] }),
      ),
    ).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9100, protocol: 'TCP', appProtocol: 'http' },
    ]);
  });
});

describe('podToEndpoint', () => {
  const svc = service({ ports: [{ port: 80 }] });
  it('a ready pod is ready and serving', () => {
    expect(podToEndpoint(pod('a', '10.0.0.1'), svc, ['10.0.0.1'], () => 'zone-a')).toEqual({
      addresses: ['10.0.0.1'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'node-1',
      zone: 'zone-a',
      targetRef: { kind: 'Pod', namespace: 'ns', name: 'a', uid: 'uid-a' },
    });
  });
  it('a terminating ready pod is serving but never ready, unless publishNotReadyAddresses', () => {
    expect(
      podToEndpoint(pod('a', '10.0.0.1', { terminating: true }), svc, ['10.0.0.1'], noZone)
        .conditions,
    ).toEqual({ ready: false, serving: true, terminating: true });
    const publish = service({ ports: [{ port: 80 }], publishNotReadyAddresses: true });
    expect(
      podToEndpoint(pod('a', '10.0.0.1', { ready: false }), publish, ['10.0.0.1'], noZone)
        .conditions?.ready,
    ).toBe(true);
  });
  it('sets the hostname when the pod names the service as its subdomain', () => {
    const p = pod('a', '10.0.0.1');
    p.spec = { containers: [], ...p.spec, hostname: 'a0', subdomain: 'web' };
    expect(podToEndpoint(p, svc, ['10.0.0.1'], noZone).hostname).toBe('a0');
  });
});

describe('desiredEndpointGroups', () => {
  it('groups pods by the ports they offer, sorted, skipping pods without an IP or finished', () => {
    const svc = service({ ports: [{ name: '', port: 80, targetPort: 'web', protocol: 'TCP' }] });
    const groups = desiredEndpointGroups(
      svc,
      [
        pod('b', '10.0.0.2', { ports: [{ name: 'web', containerPort: 8080 }] }),
        pod('a', '10.0.0.1', { ports: [{ name: 'web', containerPort: 8080 }] }),
        pod('c', '10.0.0.3', { ports: [{ name: 'web', containerPort: 9090 }] }),
        pod('pending', undefined, { ports: [{ name: 'web', containerPort: 8080 }] }),
        pod('done', '10.0.0.9', {
          phase: 'Succeeded',
          ports: [{ name: 'web', containerPort: 8080 }],
        }),
      ],
      'IPv4',
      noZone,
    );
    expect(
      groups.map((g) => [g.ports.map((p) => p.port), g.endpoints.map((e) => e.addresses[0])]),
    ).toEqual([
      [[8080], ['10.0.0.1', '10.0.0.2']],
      [[9090], ['10.0.0.3']],
    ]);
  });
  it('keeps only addresses of the slice family', () => {
    const p = pod('a', '10.0.0.1');
    p.status = { ...p.status, podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] };
    const svc = service({ ports: [{ port: 80, protocol: 'TCP' }] });
    expect(desiredEndpointGroups(svc, [p], 'IPv6', noZone)[0]?.endpoints[0]?.addresses).toEqual([
      'fd00::1',
    ]);
  });
});
