/**
 * Makes the runtime match one pod (kuberuntime_manager.go SyncPod / KillPod): runs computePodActions
 * and carries it out: sandbox, volumes, images, containers, crash-loop backoff, events.
 */
import type { Clock, Container, Logger, Pod } from '@kubelab/api';
import { containerHash } from '../container/container-hash.js';
import type { EnvContext } from '../container/resolve-env.js';
import { CreateContainerConfigError } from '../container/resolve-env.js';
import { podDesc } from '../config/pod-update.js';
import { podRef } from '../events/api-event-recorder.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { NodeRoot } from '../node-root.js';
import type { ProbeManager } from '../prober/prober.js';
import type { ContainerRuntime, RuntimeContainer, RuntimeSandbox } from '../runtime/container-runtime.js';
import type { SyncError } from '../status/container-statuses.js';
import type { Backoff } from '../util/backoff.js';
import { goDuration } from '../util/backoff.js';
import type { MountedVolume, VolumeManager } from '../volumes/volume-manager.js';
import { buildContainerConfig, podLogDirectory } from './container-config.js';
import type { ImagePuller } from './image-puller.js';
import { computePodActions, latestInstance } from './pod-actions.js';

export interface RuntimePodState {
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
}

export interface PodSyncerDeps {
  runtime: ContainerRuntime;
  volumes: VolumeManager;
  prober: ProbeManager;
  recorder: EventRecorder;
  images: ImagePuller;
  crashBackoff: Backoff;
  nodeRoot: NodeRoot;
  nodeName: string;
  nodeIp: string;
  envContext: Omit<EnvContext, 'podIp' | 'podIps' | 'hostIp' | 'hostIps' | 'nodeName'>;
  dns: { servers: string[]; searches: string[]; options: string[] } | undefined;
  clock: Clock;
  logger: Logger;
}

export interface SyncResult {
  /** Sync again at this time (a backoff ends). */
  retryAt?: number;
  podFailed: boolean;
}

/** The grace period of a kill: the deletion's, else the spec's, at least 1 s (calculateEffectiveGracePeriod). */
export function effectiveGracePeriod(pod: Pod, override?: number): number {
  const g = override ?? pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(1, g);
}

export class PodSyncer {
  constructor(private readonly d: PodSyncerDeps) {}

  /** syncErrors is updated in place: the waiting reasons of containers that could not start. */
  async syncPod(
    pod: Pod,
    state: RuntimePodState,
    syncErrors: Map<string, SyncError>,
    unhealthy: ReadonlyMap<string, string>,
    lastRestartCounts: ReadonlyMap<string, number>,
  ): Promise<SyncResult> {
    const d = this.d;
    const spec = pod.spec ?? { containers: [] };
    const all: Container[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    const hashes = new Map(all.map((c) => [c.name, containerHash(c)]));
    const actions = computePodActions({ pod, sandboxes: state.sandboxes, containers: state.containers, hashes, unhealthy, lastRestartCounts });
    const result: SyncResult = { podFailed: actions.podFailed };
    const ref = podRef(pod);

    if (actions.killPod) {
      if (actions.sandboxChanged) d.recorder.event(ref, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
      await this.killContainers(pod, state.containers, effectiveGracePeriod(pod));
      for (const s of state.sandboxes) if (s.state === 'ready') await d.runtime.stopSandbox(s.id).catch(() => undefined);
    }
    for (const k of actions.containersToKill) {
      d.recorder.event(podRef(pod, k.name), 'Normal', 'Killing', k.message);
      await d.runtime.stopContainer(k.id, effectiveGracePeriod(pod)).catch((err: unknown) => d.logger.error('Failed to kill container', err, { pod: podDesc(pod), container: k.name }));
    }
    if (actions.containersToStart.length === 0) return result;

    const volumes = await d.volumes.setUpPodVolumes(pod).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      d.recorder.event(ref, 'Warning', 'FailedMount', message);
      return undefined;
    });
    if (!volumes) return { ...result, retryAt: d.clock.now() + 2000 };

    let sandbox = [...state.sandboxes].sort((a, b) => b.attempt - a.attempt).find((s) => s.state === 'ready');
    if (actions.createSandbox) {
      try {
        sandbox = await d.runtime.runSandbox({
          pod: { uid: pod.metadata?.uid ?? '', name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '' },
          attempt: actions.sandboxAttempt,
          hostname: spec.hostname ?? pod.metadata?.name ?? '',
          hostNetwork: spec.hostNetwork ?? false,
          portMappings: all.flatMap((c) =>
            (c.ports ?? [])
              .filter((p) => p.hostPort)
              .map((p) => ({ containerPort: p.containerPort, hostPort: p.hostPort ?? p.containerPort, protocol: (p.protocol ?? 'TCP') as 'TCP', hostIP: p.hostIP })),
          ),
          labels: (pod.metadata?.labels as Record<string, string> | undefined) ?? {},
          annotations: (pod.metadata?.annotations as Record<string, string> | undefined) ?? {},
          dns: spec.hostNetwork ? undefined : d.dns,
          logDirectory: podLogDirectory(d.nodeRoot, pod),
        });
      } catch (err) {
        const message = `Failed to create pod sandbox: ${err instanceof Error ? err.message : String(err)}`;
        d.recorder.event(ref, 'Warning', 'FailedCreatePodSandBox', message);
        d.logger.error('Failed to create sandbox for pod', err, { pod: podDesc(pod) });
        return { ...result, retryAt: d.clock.now() + 2000 };
      }
    }
    if (!sandbox) return { ...result, retryAt: d.clock.now() + 1000 };

    for (const s of actions.containersToStart) {
      const container = all.find((c) => c.name === s.name);
      if (!container) continue;
      const retryAt = await this.startContainer(pod, container, s.attempt, s.previousFinishedAt, sandbox, volumes, syncErrors, state);
      if (retryAt !== undefined) result.retryAt = Math.min(result.retryAt ?? Infinity, retryAt);
    }
    return result;
  }

  /** Returns when to retry if the container could not start now. */
  private async startContainer(
    pod: Pod,
    container: Container,
    attempt: number,
    previousFinishedAt: number | undefined,
    sandbox: RuntimeSandbox,
    volumes: Map<string, MountedVolume>,
    syncErrors: Map<string, SyncError>,
    state: RuntimePodState,
  ): Promise<number | undefined> {
    const d = this.d;
    const ref = podRef(pod, container.name);
    if (previousFinishedAt !== undefined) {
      const key = `${pod.metadata?.uid ?? ''}_${container.name}_${containerHash(container)}`;
      if (d.crashBackoff.isInBackOffSince(key, previousFinishedAt)) {
        const wait = d.crashBackoff.get(key);
        syncErrors.set(container.name, {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(wait)} restarting failed container=${container.name} pod=${podDesc(pod)}`,
        });
        d.recorder.event(ref, 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${podDesc(pod)}`);
        return previousFinishedAt + wait;
      }
      d.crashBackoff.next(key, previousFinishedAt);
    }
    const pulled = await d.images.ensureImage(pod, container);
    if (!pulled.ok) {
      syncErrors.set(container.name, pulled.error);
      if (pulled.error.reason === 'ErrImagePull' || pulled.error.reason === 'ImagePullBackOff') {
        if (pulled.error.reason === 'ImagePullBackOff') d.recorder.event(ref, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      }
      return pulled.retryAt ?? d.clock.now() + 10_000;
    }
    let config;
    try {
      config = await buildContainerConfig({
        pod,
        container,
        attempt,
        volumes,
        nodeRoot: d.nodeRoot,
        env: { ...d.envContext, nodeName: d.nodeName, podIp: sandbox.ip, podIps: [sandbox.ip], hostIp: d.nodeIp, hostIps: [d.nodeIp] },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof CreateContainerConfigError) {
        syncErrors.set(container.name, { reason: 'CreateContainerConfigError', message });
        d.recorder.event(ref, 'Warning', 'Failed', `Error: ${message}`);
        return d.clock.now() + 2000;
      }
      throw err;
    }
    // A container instance of this attempt may exist already (a crash between create and start).
    const stale = state.containers.find((c) => c.name === container.name && c.attempt === attempt);
    if (stale) await d.runtime.removeContainer(stale.id).catch(() => undefined);
    let id: string;
    try {
      id = await d.runtime.createContainer(sandbox, config);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      syncErrors.set(container.name, { reason: 'CreateContainerError', message });
      d.recorder.event(ref, 'Warning', 'Failed', `Error: ${message}`);
      return d.clock.now() + 2000;
    }
    d.recorder.event(ref, 'Normal', 'Created', `Created container: ${container.name}`);
    try {
      await d.runtime.startContainer(id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      syncErrors.set(container.name, { reason: 'RunContainerError', message });
      d.recorder.event(ref, 'Warning', 'Failed', `Error: ${message}`);
      return undefined;
    }
    syncErrors.delete(container.name);
    d.recorder.event(ref, 'Normal', 'Started', `Started container ${container.name}`);
    d.prober.addContainer({ pod, containerName: container.name, containerId: id, podIp: sandbox.ip });
    return undefined;
  }

  private async killContainers(pod: Pod, containers: RuntimeContainer[], grace: number, events = true): Promise<void> {
    const running = containers.filter((c) => c.state === 'running');
    await Promise.all(
      running.map(async (c) => {
        if (events) this.d.recorder.event(podRef(pod, c.name), 'Normal', 'Killing', `Stopping container ${c.name}`);
        await this.d.runtime.stopContainer(c.id, grace).catch((err: unknown) =>
          this.d.logger.error('Failed to stop container', err, { pod: podDesc(pod), container: c.name }),
        );
      }),
    );
  }

  /** Stops every container (SIGTERM, grace, SIGKILL) and the sandbox. */
  async killPod(pod: Pod, state: RuntimePodState, grace: number): Promise<void> {
    await this.killContainers(pod, state.containers, grace);
    for (const s of state.sandboxes) await this.d.runtime.stopSandbox(s.id).catch(() => undefined);
    this.d.prober.removePod(pod.metadata?.uid ?? '');
  }

  /** Removes the stopped containers and sandboxes of a pod that is gone (logs stay on disk). */
  async removePod(state: RuntimePodState): Promise<void> {
    for (const c of state.containers) await this.d.runtime.removeContainer(c.id).catch(() => undefined);
    for (const s of state.sandboxes) await this.d.runtime.removeSandbox(s.id).catch(() => undefined);
  }

  /** Container GC: keeps the newest dead instance of each container, removes older ones. */
  async gcDeadContainers(state: RuntimePodState): Promise<void> {
    const names = new Set(state.containers.map((c) => c.name));
    for (const name of names) {
      const dead = state.containers.filter((c) => c.name === name && c.state !== 'running').sort((a, b) => b.attempt - a.attempt);
      const latest = latestInstance(state.containers, name);
      for (const c of dead.slice(latest?.state === 'running' ? 1 : 2)) await this.d.runtime.removeContainer(c.id).catch(() => undefined);
    }
  }
}
