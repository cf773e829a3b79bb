/** kubelet flags kubelab understands: upstream names, plus two kubelab ones for the node view. */
import type { FlagSpec } from '@kubelab/api';

export const KUBELET_FLAGS: FlagSpec[] = [
  { name: 'config', type: 'string', default: '', usage: 'The Kubelet will load its initial configuration from this file.' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to a kubeconfig file, specifying how to connect to the API server.' },
  { name: 'bootstrap-kubeconfig', type: 'string', default: '', usage: 'Accepted for compatibility with kubeadm units.' },
  { name: 'hostname-override', type: 'string', default: '', usage: 'If non-empty, will use this string as identification instead of the actual hostname.' },
  { name: 'node-ip', type: 'string', default: '', usage: 'IP address of the node.' },
  { name: 'node-labels', type: 'string', default: '', usage: 'Labels to add when registering the node in the cluster (key=value,...).' },
  { name: 'pod-manifest-path', type: 'string', default: '', usage: 'Deprecated: use staticPodPath in --config.' },
  { name: 'container-runtime-endpoint', type: 'string', default: '', usage: 'Accepted for compatibility; kubelab runs containers through Docker.' },
  { name: 'kubelab-node-root', type: 'string', default: '', usage: "Host directory standing for this node's / (kubelab)." },
  { name: 'kubelab-cluster', type: 'string', default: 'kubelab', usage: 'Name of the kubelab cluster: labels and network of its containers (kubelab).' },
  { name: 'v', type: 'int', default: 2, usage: 'number for the log level verbosity', short: 'v' },
  { name: 'log-file', type: 'string', default: '', usage: 'If non-empty, use this log file (default under the node root: /var/log/kubelet.log).' },
  { name: 'help', type: 'bool', default: false, usage: 'help for kubelet', short: 'h' },
];
