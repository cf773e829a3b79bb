/** kube-apiserver flags kubelab understands, with the upstream names and defaults. */
import type { FlagSpec } from '@kubelab/api';

export const APISERVER_FLAGS: FlagSpec[] = [
  { name: 'advertise-address', type: 'string', default: '', usage: 'The IP address on which to advertise the apiserver to members of the cluster.' },
  { name: 'bind-address', type: 'string', default: '0.0.0.0', usage: 'The IP address on which to listen for the --secure-port port.' },
  { name: 'secure-port', type: 'int', default: 6443, usage: 'The port on which to serve HTTPS with authentication and authorization.' },
  { name: 'tls-cert-file', type: 'string', default: '', usage: 'File containing the default x509 Certificate for HTTPS.' },
  { name: 'tls-private-key-file', type: 'string', default: '', usage: 'File containing the default x509 private key matching --tls-cert-file.' },
  { name: 'client-ca-file', type: 'string', default: '', usage: 'Accepted for compatibility; client certificates are not used for authentication.' },
  { name: 'token-auth-file', type: 'string', default: '', usage: 'If set, the file that will be used to secure the secure port of the API server via token authentication.' },
  { name: 'storage-dir', type: 'string', default: '/var/lib/kubelab', usage: 'Directory of the LevelDB store (kubelab; upstream uses --etcd-servers).' },
  { name: 'storage-history-size', type: 'int', default: 10000, usage: 'Number of recent changes kept for watches to resume from (kubelab).' },
  { name: 'service-cluster-ip-range', type: 'string', default: '10.96.0.0/12', usage: 'A CIDR notation IP range from which to assign service cluster IPs.' },
  { name: 'kubelet-client-certificate', type: 'string', default: '', usage: 'Path to a client cert file for TLS to kubelets.' },
  { name: 'kubelet-client-key', type: 'string', default: '', usage: 'Path to a client key file for TLS to kubelets.' },
  { name: 'kubelet-certificate-authority', type: 'string', default: '', usage: 'Path to a cert file for the certificate authority of kubelets.' },
  { name: 'authorization-mode', type: 'stringSlice', default: ['Node', 'RBAC'], usage: 'Ordered list of plug-ins to do authorization on secure port.' },
  { name: 'enable-admission-plugins', type: 'stringSlice', default: [], usage: 'Admission plugins to enable in addition to the default ones.' },
  { name: 'default-not-ready-toleration-seconds', type: 'int', default: 300, usage: 'Indicates the tolerationSeconds of the toleration for notReady:NoExecute that is added by default to every pod that does not already have such a toleration.' },
  { name: 'default-unreachable-toleration-seconds', type: 'int', default: 300, usage: 'Indicates the tolerationSeconds of the toleration for unreachable:NoExecute that is added by default to every pod that does not already have such a toleration.' },
  { name: 'allow-privileged', type: 'bool', default: false, usage: 'If true, allow privileged containers.' },
  { name: 'min-request-timeout', type: 'int', default: 1800, usage: 'The minimum number of seconds a watch handler stays open.' },
  { name: 'v', type: 'int', default: 2, usage: 'number for the log level verbosity', short: 'v' },
  { name: 'log-file', type: 'string', default: '', usage: 'If non-empty, use this log file.' },
  { name: 'help', type: 'bool', default: false, usage: 'help for kube-apiserver', short: 'h' },
];
