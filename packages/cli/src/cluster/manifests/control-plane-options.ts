/** What the control-plane manifests depend on, and the paths they share (kubeadm's constants). */

export interface ControlPlaneOptions {
  /** kube-apiserver's --advertise-address: the node IP (the cluster network's gateway). */
  advertiseAddress: string;
  apiServerPort: number;
  schedulerPort: number;
  controllerManagerPort: number;
  /** Image references by component name. */
  images: Record<ControlPlaneComponent, string>;
}

export const CONTROL_PLANE_COMPONENTS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

export const PKI_DIR = '/etc/kubernetes/pki';
export const KUBERNETES_DIR = '/etc/kubernetes';
export const APISERVER_DATA_DIR = '/var/lib/kubelab';
export const TOKEN_AUTH_FILE = `${PKI_DIR}/tokens.csv`;

/** The hostPath volumes every control-plane component with TLS trust gets (kubeadm's getHostPathVolumesForTheControlPlane). */
export const CA_CERT_MOUNTS = [
  { name: 'ca-certs', path: '/etc/ssl/certs', type: 'DirectoryOrCreate', readOnly: true },
  { name: 'etc-ca-certificates', path: '/etc/ca-certificates', type: 'DirectoryOrCreate', readOnly: true },
  { name: 'usr-local-share-ca-certificates', path: '/usr/local/share/ca-certificates', type: 'DirectoryOrCreate', readOnly: true },
  { name: 'usr-share-ca-certificates', path: '/usr/share/ca-certificates', type: 'DirectoryOrCreate', readOnly: true },
] as const;

export const K8S_CERTS_MOUNT = { name: 'k8s-certs', path: PKI_DIR, type: 'DirectoryOrCreate', readOnly: true } as const;
