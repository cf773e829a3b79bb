/**
 * Control-plane static pods shaped as kubeadm writes them (cmd/kubeadm/app/util/staticpod
 * ComponentPod and the probe helpers; phases/controlplane/volumes.go): kube-system, labels
 * component and tier, hostNetwork, system-node-critical, RuntimeDefault seccomp, HTTP(S)
 * probes with kubeadm's timings, hostPath volumes and mounts sorted by name, and YAML with
 * sorted keys and unindented lists, as sigs.k8s.io/yaml prints a Pod.
 */
import type { Container, Pod, Probe, Volume, VolumeMount } from '@kubelab/api';
import { stringify } from 'yaml';

/** The priority of the system-node-critical class, which kubeadm also writes in spec.priority. */
export const SYSTEM_NODE_CRITICAL_PRIORITY = 2000001000;
/** kubeadm's default control-plane wait (ControlPlaneComponentHealthCheckTimeout). */
export const CONTROL_PLANE_TIMEOUT_SECONDS = 240;

export interface HttpEndpoint {
  host: string;
  port: number;
  scheme: 'HTTP' | 'HTTPS';
}

interface ProbeTiming {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  periodSeconds: number;
}

function httpProbe(at: HttpEndpoint, path: string, t: ProbeTiming): Probe {
  const probe: Probe = {
    failureThreshold: t.failureThreshold,
    httpGet: { host: at.host, path, port: at.port, scheme: at.scheme },
    periodSeconds: t.periodSeconds,
    timeoutSeconds: t.timeoutSeconds,
  };
  if (t.initialDelaySeconds > 0) probe.initialDelaySeconds = t.initialDelaySeconds;
  return probe;
}

export function livenessProbe(at: HttpEndpoint, path: string): Probe {
  return httpProbe(at, path, { initialDelaySeconds: 10, timeoutSeconds: 15, failureThreshold: 8, periodSeconds: 10 });
}

export function readinessProbe(at: HttpEndpoint, path: string): Probe {
  return httpProbe(at, path, { initialDelaySeconds: 0, timeoutSeconds: 15, failureThreshold: 3, periodSeconds: 1 });
}

export function startupProbe(at: HttpEndpoint, path: string): Probe {
  const failureThreshold = Math.ceil(CONTROL_PLANE_TIMEOUT_SECONDS / 10);
  return httpProbe(at, path, { initialDelaySeconds: 10, timeoutSeconds: 15, failureThreshold, periodSeconds: 10 });
}

export interface HostPathMount {
  name: string;
  /** Node-view path (under the node root on the host). */
  path: string;
  type: 'DirectoryOrCreate' | 'FileOrCreate';
  readOnly: boolean;
  /** Where the container sees it; defaults to path. */
  mountPath?: string;
}

/** The volumes and mounts of the mounts, each sorted by name. */
export function hostPathVolumes(mounts: HostPathMount[]): { volumes: Volume[]; volumeMounts: VolumeMount[] } {
  const sorted = [...mounts].sort((a, b) => a.name.localeCompare(b.name));
  return {
    volumes: sorted.map((m) => ({ hostPath: { path: m.path, type: m.type }, name: m.name })),
    volumeMounts: sorted.map((m) => ({ mountPath: m.mountPath ?? m.path, name: m.name, ...(m.readOnly ? { readOnly: true } : {}) })),
  };
}

/** `--name=value` flags sorted by name, after the binary. */
export function componentCommand(binary: string, flags: Record<string, string>): string[] {
  return [binary, ...Object.keys(flags).sort().map((k) => `--${k}=${flags[k] ?? ''}`)];
}

export interface ComponentPodOptions {
  name: string;
  image: string;
  command: string[];
  cpuRequest: string;
  probes: { liveness: Probe; readiness: Probe; startup: Probe };
  mounts: HostPathMount[];
  annotations?: Record<string, string>;
}

export function componentPod(o: ComponentPodOptions): Pod {
  const { volumes, volumeMounts } = hostPathVolumes(o.mounts);
  const container: Container = {
    command: o.command,
    image: o.image,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: o.probes.liveness,
    name: o.name,
    readinessProbe: o.probes.readiness,
    resources: { requests: { cpu: o.cpuRequest } },
    startupProbe: o.probes.startup,
    volumeMounts,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(o.annotations ? { annotations: o.annotations } : {}),
      creationTimestamp: null as unknown as string,
      labels: { component: o.name, tier: 'control-plane' },
      name: o.name,
      namespace: 'kube-system',
    },
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: SYSTEM_NODE_CRITICAL_PRIORITY,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
    status: {},
  };
}

/** The manifest file's text: sorted keys, lists at their parent's indentation. */
export function manifestYaml(pod: Pod): string {
  return stringify(pod, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}
