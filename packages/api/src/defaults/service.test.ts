import type { Service } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultService } from './service.js';

describe('defaultService', () => {
  it('defaults a ClusterIP service', () => {
    const svc: Service = { spec: { ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } };
    defaultService(svc);
    expect(svc.spec).toEqual({
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
  });

  it('adds externalTrafficPolicy and node-port allocation for LoadBalancers', () => {
    const svc: Service = { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } };
    defaultService(svc);
    expect(svc.spec?.externalTrafficPolicy).toBe('Cluster');
    expect(svc.spec?.allocateLoadBalancerNodePorts).toBe(true);
  });

  it('defaults ClientIP affinity timeout and leaves ExternalName without IP families', () => {
    const a: Service = { spec: { sessionAffinity: 'ClientIP', ports: [{ port: 1 }] } };
    defaultService(a);
    expect(a.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const b: Service = { spec: { type: 'ExternalName', externalName: 'example.com' } };
    defaultService(b);
    expect(b.spec?.ipFamilies).toBeUndefined();
    expect(b.spec?.internalTrafficPolicy).toBeUndefined();
  });
});
