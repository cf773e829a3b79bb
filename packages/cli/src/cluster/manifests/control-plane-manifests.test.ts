import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlPlanePods } from './control-plane-manifests.js';
import type { ControlPlaneOptions } from './control-plane-options.js';
import { manifestYaml } from './static-pod.js';

const OPTS: ControlPlaneOptions = {
  advertiseAddress: '10.244.0.1',
  apiServerPort: 6443,
  schedulerPort: 10259,
  controllerManagerPort: 10257,
  images: {
    'kube-apiserver': 'kubelab/kube-apiserver:v0.1.0',
    'kube-controller-manager': 'kubelab/kube-controller-manager:v0.1.0',
    'kube-scheduler': 'kubelab/kube-scheduler:v0.1.0',
  },
};

const byFile = (file: string) => {
  const found = controlPlanePods(OPTS).find((p) => p.file === file);
  if (!found) throw new Error(file);
  return found.pod;
};

describe('control-plane manifests', () => {
  it('writes kube-scheduler.yaml as kubeadm does', () => {
    expect(manifestYaml(byFile('kube-scheduler.yaml'))).toBe(readFileSync(new URL('testdata/kube-scheduler.yaml', import.meta.url), 'utf8'));
  });

  it('probes the apiserver on its advertise address and annotates the endpoint', () => {
    const pod = byFile('kube-apiserver.yaml');
    const c = pod.spec?.containers[0];
    expect(pod.metadata?.annotations).toEqual({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '10.244.0.1:6443' });
    expect(c?.livenessProbe?.httpGet).toEqual({ host: '10.244.0.1', path: '/livez', port: 6443, scheme: 'HTTPS' });
    expect(c?.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(c?.command?.slice(0, 3)).toEqual(['kube-apiserver', '--advertise-address=10.244.0.1', '--allow-privileged=true']);
    expect(c?.command).toContain('--token-auth-file=/etc/kubernetes/pki/tokens.csv');
    expect(c?.command).toContain('--storage-dir=/var/lib/kubelab');
    const flags = (c?.command ?? []).slice(1);
    expect(flags).toEqual([...flags].sort());
    expect(pod.spec?.volumes?.map((v) => v.name)).toEqual([
      'ca-certs',
      'etc-ca-certificates',
      'k8s-certs',
      'kubelab-data',
      'usr-local-share-ca-certificates',
      'usr-share-ca-certificates',
    ]);
    expect(c?.volumeMounts?.find((m) => m.name === 'kubelab-data')).toEqual({ mountPath: '/var/lib/kubelab', name: 'kubelab-data' });
    expect(c?.resources).toEqual({ requests: { cpu: '250m' } });
  });

  it('gives the controller-manager its kubeconfig, certificates and port', () => {
    const pod = byFile('kube-controller-manager.yaml');
    const c = pod.spec?.containers[0];
    expect(c?.command).toContain('--controllers=*,bootstrapsigner,tokencleaner');
    expect(c?.command).toContain('--secure-port=10257');
    expect(c?.startupProbe?.httpGet).toEqual({ host: '127.0.0.1', path: '/healthz', port: 10257, scheme: 'HTTPS' });
    expect(pod.spec?.volumes?.find((v) => v.name === 'kubeconfig')?.hostPath).toEqual({ path: '/etc/kubernetes/controller-manager.conf', type: 'FileOrCreate' });
  });
});
