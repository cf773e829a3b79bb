import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixedPort, kubeletConfigYaml, kubeletConfiguration, staticPodPathOf } from './kubelet-config.js';

describe('kubeletConfiguration', () => {
  it('is kubeadm\'s config with the node\'s ports', () => {
    const c = kubeletConfiguration({ port: 10251, healthzPort: 10249, cgroupDriver: 'cgroupfs' });
    const text = kubeletConfigYaml(c);
    expect(text.startsWith('address: 0.0.0.0\napiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n')).toBe(true);
    expect(text).toContain('clusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n');
    expect(parse(text)).toMatchObject({
      kind: 'KubeletConfiguration',
      port: 10251,
      healthzPort: 10249,
      healthzBindAddress: '127.0.0.1',
      staticPodPath: '/etc/kubernetes/manifests',
      authentication: { x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' }, webhook: { enabled: true } },
      authorization: { mode: 'Webhook' },
      cgroupDriver: 'cgroupfs',
    });
  });

  it('merges the config file\'s fields over it', () => {
    const c = kubeletConfiguration({
      port: 1,
      healthzPort: 2,
      cgroupDriver: 'systemd',
      extra: { staticPodPath: '/etc/just-to-mess-with-you', authentication: { anonymous: { enabled: true } }, maxPods: 20 },
    });
    expect(staticPodPathOf(c)).toBe('/etc/just-to-mess-with-you');
    expect(c['maxPods']).toBe(20);
    expect(c['authentication']).toEqual({ anonymous: { enabled: true }, webhook: { cacheTTL: '0s', enabled: true }, x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } });
    expect(fixedPort({ port: 20250 }, 'port')).toBe(20250);
    expect(fixedPort({}, 'healthzPort')).toBeUndefined();
  });
});
