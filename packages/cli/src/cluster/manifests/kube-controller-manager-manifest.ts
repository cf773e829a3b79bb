/** kube-controller-manager.yaml (kubeadm's getControllerManagerCommand), on 127.0.0.1:<port>. */
import type { Pod } from '@kubelab/api';
import { CA_CERT_MOUNTS, K8S_CERTS_MOUNT, KUBERNETES_DIR, PKI_DIR, type ControlPlaneOptions } from './control-plane-options.js';
import { componentCommand, componentPod, livenessProbe, readinessProbe, startupProbe, type HttpEndpoint } from './static-pod.js';

const KUBECONFIG = `${KUBERNETES_DIR}/controller-manager.conf`;

export function controllerManagerFlags(o: ControlPlaneOptions): Record<string, string> {
  return {
    'authentication-kubeconfig': KUBECONFIG,
    'authorization-kubeconfig': KUBECONFIG,
    'bind-address': '127.0.0.1',
    'client-ca-file': `${PKI_DIR}/ca.crt`,
    'cluster-name': 'kubernetes',
    'cluster-signing-cert-file': `${PKI_DIR}/ca.crt`,
    'cluster-signing-key-file': `${PKI_DIR}/ca.key`,
    controllers: '*,bootstrapsigner,tokencleaner',
    kubeconfig: KUBECONFIG,
    'leader-elect': 'true',
    'root-ca-file': `${PKI_DIR}/ca.crt`,
    'secure-port': String(o.controllerManagerPort),
    'service-account-private-key-file': `${PKI_DIR}/sa.key`,
    'use-service-account-credentials': 'true',
  };
}

export function kubeControllerManagerPod(o: ControlPlaneOptions): Pod {
  const at: HttpEndpoint = { host: '127.0.0.1', port: o.controllerManagerPort, scheme: 'HTTPS' };
  return componentPod({
    name: 'kube-controller-manager',
    image: o.images['kube-controller-manager'],
    command: componentCommand('kube-controller-manager', controllerManagerFlags(o)),
    cpuRequest: '200m',
    probes: { liveness: livenessProbe(at, '/healthz'), readiness: readinessProbe(at, '/healthz'), startup: startupProbe(at, '/healthz') },
    mounts: [
      ...CA_CERT_MOUNTS,
      { name: 'flexvolume-dir', path: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', type: 'DirectoryOrCreate', readOnly: false },
      K8S_CERTS_MOUNT,
      { name: 'kubeconfig', path: KUBECONFIG, type: 'FileOrCreate', readOnly: true },
    ],
  });
}
