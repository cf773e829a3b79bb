import type { Service } from '@kubelab/api';
import { describe, expect, it } from 'vitest';
import { endpointPod } from '../../testing/endpoint-fixtures.js';
import { computeSubsets, findPort, shouldPodBeInEndpoints } from './endpoint-subsets.js';

const svc = (spec: Service['spec'] = {}): Service => ({
  metadata: { name: 'web', namespace: 'ns' },
  spec: {
    selector: { app: 'web' },
    clusterIP: '10.96.0.10',
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    ...spec,
  },
});

const pod = endpointPod;

const addr = (name: string, ip: string) => ({
  ip,
  nodeName: 'node-1',
  targetRef: { kind: 'Pod', namespace: 'ns', name, uid: `uid-${name}` },
});

describe('shouldPodBeInEndpoints', () => {
  it('leaves out terminal pods, pods without an IP and terminating pods', () => {
    expect(shouldPodBeInEndpoints(pod('a', '10.0.0.1'), false)).toBe(true);
    expect(shouldPodBeInEndpoints(pod('a', '10.0.0.1', { phase: 'Succeeded' }), false)).toBe(false);
    expect(shouldPodBeInEndpoints(pod('a', ''), false)).toBe(false);
    expect(shouldPodBeInEndpoints(pod('a', '10.0.0.1', { deleting: true }), false)).toBe(false);
    expect(shouldPodBeInEndpoints(pod('a', '10.0.0.1', { deleting: true }), true)).toBe(true);
  });
});

describe('findPort', () => {
  it('takes a number as is and looks a name up in the container ports', () => {
    const p = pod('a', '10.0.0.1', { ports: [{ name: 'http', containerPort: 8081 }] });
    expect(findPort(p, { port: 80, targetPort: 9000 })).toBe(9000);
    expect(findPort(p, { port: 80 })).toBe(80);
    expect(findPort(p, { port: 80, targetPort: 'http', protocol: 'TCP' })).toBe(8081);
    expect(findPort(p, { port: 80, targetPort: 'http', protocol: 'UDP' })).toBeUndefined();
    expect(findPort(p, { port: 80, targetPort: 'nope' })).toBeUndefined();
  });
});

describe('computeSubsets', () => {
  it('puts ready and not-ready pods of the same ports in one subset, sorted by IP', () => {
    const subsets = computeSubsets(svc(), [
      pod('c', '10.0.0.9'),
      pod('a', '10.0.0.10'),
      pod('b', '10.0.0.2', { ready: false }),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [addr('a', '10.0.0.10'), addr('c', '10.0.0.9')],
        notReadyAddresses: [addr('b', '10.0.0.2')],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('splits pods whose named target port resolves differently, and skips pods without it', () => {
    const service = svc({
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    const subsets = computeSubsets(service, [
      pod('a', '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080 }] }),
      pod('b', '10.0.0.2', { ports: [{ name: 'http', containerPort: 9090 }] }),
      pod('c', '10.0.0.3'),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [addr('a', '10.0.0.1')],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
      {
        addresses: [addr('b', '10.0.0.2')],
        ports: [{ name: 'http', port: 9090, protocol: 'TCP' }],
      },
    ]);
  });

  it('groups the ports that the same addresses offer', () => {
    const service = svc({
      ports: [
        { name: 'a', port: 80, targetPort: 8080, protocol: 'TCP' },
        { name: 'b', port: 443, targetPort: 8443, protocol: 'TCP' },
      ],
    });
    expect(computeSubsets(service, [pod('a', '10.0.0.1')])).toEqual([
      {
        addresses: [addr('a', '10.0.0.1')],
        ports: [
          { name: 'a', port: 8080, protocol: 'TCP' },
          { name: 'b', port: 8443, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('publishes not-ready pods as ready with publishNotReadyAddresses; headless services may have no ports', () => {
    expect(
      computeSubsets(svc({ publishNotReadyAddresses: true }), [
        pod('b', '10.0.0.2', { ready: false }),
      ])[0]?.addresses,
    ).toEqual([addr('b', '10.0.0.2')]);
    expect(computeSubsets(svc({ clusterIP: 'None', ports: [] }), [pod('a', '10.0.0.1')])).toEqual([
      { addresses: [addr('a', '10.0.0.1')] },
    ]);
    expect(computeSubsets(svc({ ports: [] }), [pod('a', '10.0.0.1')])).toEqual([]);
  });

  it('sets the hostname of a pod that names the service as its subdomain', () => {
    const p = pod('a', '10.0.0.1');
    p.spec = { ...p.spec, containers: p.spec?.containers ?? [], hostname: 'a-0', subdomain: 'web' };
    expect(computeSubsets(svc(), [p])[0]?.addresses?.[0]?.hostname).toBe('a-0');
  });
});
