/** kube-scheduler.yaml (kubeadm's getSchedulerCommand), on 127.0.0.1:<port>. */
import type { Pod } from '@kubelab/api';
import { KUBERNETES_DIR, type ControlPlaneOptions } from './control-plane-options.js';
import { componentCommand, componentPod, livenessProbe, readinessProbe, startupProbe, type HttpEndpoint } from './static-pod.js';

const KUBECONFIG = `${KUBERNETES_DIR}/scheduler.conf`;

export function schedulerFlags(o: ControlPlaneOptions): Record<string, string> {
  return {
    'authentication-kubeconfig': KUBECONFIG,
    'authorization-kubeconfig': KUBECONFIG,
    'bind-address': '127.0.0.1',
    kubeconfig: KUBECONFIG,
    'leader-elect': 'true',
    'secure-port': String(o.schedulerPort),
  };
}

export function kubeSchedulerPod(o: ControlPlaneOptions): Pod {
  const at: HttpEndpoint = { host: '127.0.0.1', port: o.schedulerPort, scheme: 'HTTPS' };
  return componentPod({
    name: 'kube-scheduler',
    image: o.images['kube-scheduler'],
    command: componentCommand('kube-scheduler', schedulerFlags(o)),
    cpuRequest: '100m',
    probes: { liveness: livenessProbe(at, '/livez'), readiness: readinessProbe(at, '/readyz'), startup: startupProbe(at, '/livez') },
    mounts: [{ name: 'kubeconfig', path: KUBECONFIG, type: 'FileOrCreate', readOnly: true }],
  });
}
