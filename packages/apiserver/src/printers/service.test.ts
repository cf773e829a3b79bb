import { describe, expect, it } from 'vitest';
import type { Service } from '@kubelab/api';
import { servicePrinter } from './service.js';
import { DAY, NOW, ago } from './test-time.js';

function svc(spec: Service['spec'], status?: Service['status']): Service {
  return { metadata: { name: 'web', creationTimestamp: ago(DAY) }, spec, status };
}

describe('service printer', () => {
  it.each<[string, Service, unknown[]]>([
    [
      'cluster IP',
      svc({ type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
      ['web', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '24h', '<none>'],
    ],
    [
      'node port with a selector, several ports',
      svc({
        type: 'NodePort',
        clusterIPs: ['10.96.12.7'],
        selector: { tier: 'fe', app: 'web' },
        ports: [
          { name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' },
          { name: 'dns', port: 53, nodePort: 30053, protocol: 'UDP' },
        ],
      }),
      ['web', 'NodePort', '10.96.12.7', '<none>', '80:30080/TCP,53:30053/UDP', '24h', 'app=web,tier=fe'],
    ],
    [
      'load balancer still pending',
      svc({ type: 'LoadBalancer', clusterIPs: ['10.96.3.3'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }),
      ['web', 'LoadBalancer', '10.96.3.3', '<pending>', '80:31000/TCP', '24h', '<none>'],
    ],
    [
      'load balancer with ingress (sorted, deduplicated) and external IPs',
      svc(
        { type: 'LoadBalancer', clusterIPs: ['10.96.3.3'], externalIPs: ['198.51.100.9'], ports: [{ port: 80, protocol: 'TCP' }] },
        { loadBalancer: { ingress: [{ ip: '203.0.113.20' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.10' }, { ip: '203.0.113.20' }] } },
      ),
      ['web', 'LoadBalancer', '10.96.3.3', '203.0.113.10,203.0.113.20,lb.example.com,198.51.100.9', '80/TCP', '24h', '<none>'],
    ],
    [
      'external name',
      svc({ type: 'ExternalName', externalName: 'db.example.com' }),
      ['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '24h', '<none>'],
    ],
    [
      'headless with external IPs',
      svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], externalIPs: ['192.0.2.1', '192.0.2.2'], ports: [{ port: 5432, protocol: 'TCP' }] }),
      ['web', 'ClusterIP', 'None', '192.0.2.1,192.0.2.2', '5432/TCP', '24h', '<none>'],
    ],
    [
      'type and protocol defaulted, clusterIP without clusterIPs',
      svc({ clusterIP: '10.96.0.10', ports: [{ port: 8080 }] }),
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '8080/TCP', '24h', '<none>'],
    ],
  ])('%s', (_name, s, want) => {
    expect(servicePrinter.print(s, NOW).cells).toEqual(want);
  });

  it('has NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE + wide SELECTOR', () => {
    expect(servicePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Type:0', 'Cluster-IP:0', 'External-IP:0', 'Port(s):0', 'Age:0', 'Selector:1',
    ]);
  });
});
