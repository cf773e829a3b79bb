/**
 * Probes (pkg/kubelet/prober): liveness, readiness and startup, exec / httpGet / tcpSocket /
 * grpc, run on their periods by per-container workers; results feed the pod status and the
 * restart decision.
 */
import type { Pod } from '@kubelab/api';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export type ProbeResult = 'success' | 'failure' | 'unknown';

export interface ProbeTarget {
  pod: Pod;
  containerName: string;
  containerId: string;
  /** Address httpGet/tcpSocket probes connect to when no host is given (pod IP). */
  podIp: string;
}

export interface ProbeManager {
  /** Starts workers for a running container instance (replacing those of an older instance). */
  addContainer(target: ProbeTarget): void;
  removePod(podUid: string): void;
  /** Readiness of a container instance: false until the first success (true without a probe). */
  isReady(containerId: string): boolean;
  /** Whether the startup probe has succeeded (true without a probe). */
  isStarted(containerId: string): boolean;
  /** Called when a liveness or startup probe fails failureThreshold times: restart it. */
  onUnhealthy(cb: (target: ProbeTarget, type: ProbeType, message: string) => void): void;
  /** Called whenever a readiness/startup result changes (the status must be regenerated). */
  onResultChange(cb: (podUid: string) => void): void;
  stop(): void;
}
