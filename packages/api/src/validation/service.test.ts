import type { Service } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { defaultService } from '../defaults/service.js';
import { serviceValidation } from './service.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
type Spec = NonNullable<Service['spec']>;

function svc(mutate: (s: Spec) => void = () => undefined): Service {
  const s: Service = {
    metadata: { name: 'web', namespace: 'default', resourceVersion: '1' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  };
  if (s.spec) mutate(s.spec);
  defaultService(s);
  return s;
}

describe('service validation', () => {
  it('accepts a defaulted ClusterIP service', () => {
    expect(strs(serviceValidation.create(svc()))).toEqual([]);
    expect(strs(serviceValidation.create(svc((s) => Object.assign(s, { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }))))).toEqual([]);
  });

  it.each<[string, (s: Spec) => void, string[]]>([
    ['no ports', (s) => (s.ports = []), ['spec.ports: Required value']],
    [
      'two unnamed ports',
      (s) => (s.ports = [{ port: 80 }, { port: 443 }]),
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    [
      'a duplicate port',
      (s) => (s.ports = [{ name: 'a', port: 80 }, { name: 'b', port: 80 }]),
      [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    [
      'an out-of-range port',
      (s) => (s.ports = [{ port: 70000 }]),
      [
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'an unsupported type',
      (s) => (s.type = 'Magic'),
      ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ],
    [
      'a nodePort on ClusterIP',
      (s) => (s.ports = [{ port: 80, nodePort: 30080 }]),
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'clusterIPs without clusterIP',
      (s) => (s.clusterIPs = ['10.0.0.1']),
      ['spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: must be empty when `clusterIP` is not specified'],
    ],
    [
      'an invalid cluster IP',
      (s) => Object.assign(s, { clusterIP: '10.0.0', clusterIPs: ['10.0.0'] }),
      ['spec.clusterIPs[0]: Invalid value: "10.0.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
    [
      'an invalid selector value',
      (s) => (s.selector = { app: '-x' }),
      [expect.stringMatching(/^spec\.selector: Invalid value: "-x": a valid label must be an empty string/)],
    ],
  ])('rejects %s', (_name, mutate, want) => {
    expect(strs(serviceValidation.create(svc(mutate)))).toEqual(want);
  });

  it('rejects a name that is not a DNS-1035 label', () => {
    const s = svc();
    Object.assign(s.metadata ?? {}, { name: '1web' });
    expect(strs(serviceValidation.create(s))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('keeps cluster IPs once set', () => {
    const old = svc((s) => Object.assign(s, { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }));
    const changed = svc((s) => Object.assign(s, { clusterIP: '10.96.0.11', clusterIPs: ['10.96.0.11'] }));
    expect(strs(serviceValidation.update(changed, old))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
    ]);
  });

  it('validates NodePort and ExternalName services', () => {
    expect(strs(serviceValidation.create(svc((s) => Object.assign(s, { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))))).toEqual([]);
    const ext = svc((s) => Object.assign(s, { type: 'ExternalName', externalName: 'example.com.', ports: [] }));
    expect(strs(serviceValidation.create(ext))).toEqual([]);
    const bad = svc((s) => Object.assign(s, { type: 'ExternalName', externalName: '', ports: [] }));
    expect(strs(serviceValidation.create(bad))).toEqual(['spec.externalName: Required value']);
  });

  it('rejects load balancer ingress on a ClusterIP service status', () => {
    const n = svc();
    Object.assign(n, { status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
    expect(strs(serviceValidation.status?.(n, svc()) ?? [])).toEqual([
      "status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'",
    ]);
  });
});
