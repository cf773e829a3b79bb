/** kube-apiserver.yaml (kubeadm's GetStaticPodSpecs / getAPIServerCommand), with kubelab's LevelDB data dir for etcd. */
import type { Pod } from '@kubelab/api';
import { SERVICE_CIDR } from '../pki/cluster-credentials.js';
import { APISERVER_DATA_DIR, CA_CERT_MOUNTS, K8S_CERTS_MOUNT, PKI_DIR, TOKEN_AUTH_FILE, type ControlPlaneOptions } from './control-plane-options.js';
import { componentCommand, componentPod, livenessProbe, readinessProbe, startupProbe, type HttpEndpoint } from './static-pod.js';

export const ADVERTISE_ADDRESS_ANNOTATION = 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint';

export function apiServerFlags(o: ControlPlaneOptions): Record<string, string> {
  return {
    'advertise-address': o.advertiseAddress,
    'allow-privileged': 'true',
    'authorization-mode': 'Node,RBAC',
    'client-ca-file': `${PKI_DIR}/ca.crt`,
    'enable-admission-plugins': 'NodeRestriction',
    'kubelet-client-certificate': `${PKI_DIR}/apiserver-kubelet-client.crt`,
    'kubelet-client-key': `${PKI_DIR}/apiserver-kubelet-client.key`,
    'secure-port': String(o.apiServerPort),
    'service-cluster-ip-range': SERVICE_CIDR,
    'storage-dir': APISERVER_DATA_DIR,
    'tls-cert-file': `${PKI_DIR}/apiserver.crt`,
    'tls-private-key-file': `${PKI_DIR}/apiserver.key`,
    'token-auth-file': TOKEN_AUTH_FILE,
  };
}

export function kubeApiServerPod(o: ControlPlaneOptions): Pod {
  const at: HttpEndpoint = { host: o.advertiseAddress, port: o.apiServerPort, scheme: 'HTTPS' };
  return componentPod({
    name: 'kube-apiserver',
    image: o.images['kube-apiserver'],
    command: componentCommand('kube-apiserver', apiServerFlags(o)),
    cpuRequest: '250m',
    probes: { liveness: livenessProbe(at, '/livez'), readiness: readinessProbe(at, '/readyz'), startup: startupProbe(at, '/livez') },
    mounts: [...CA_CERT_MOUNTS, K8S_CERTS_MOUNT, { name: 'kubelab-data', path: APISERVER_DATA_DIR, type: 'DirectoryOrCreate', readOnly: false }],
    annotations: { [ADVERTISE_ADDRESS_ANNOTATION]: `${o.advertiseAddress}:${o.apiServerPort}` },
  });
}
