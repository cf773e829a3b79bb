/**
 * ProbeManager (pkg/kubelet/prober/prober_manager.go + results_manager.go): a worker per
 * probe type of each running container instance, results kept per container ID. Readiness
 * starts as failure (ready without a probe), startup as unknown (started without a probe),
 * liveness as success. A liveness or startup failure past its threshold calls onUnhealthy with
 * the kubelet's kill message; readiness and startup changes call onResultChange; a startup
 * success runs the readiness probe at once. Unhealthy / ProbeWarning events go to the recorder.
 */
import { realClock, type Clock, type Container, type Logger } from '@kubelab/api';
import type { EventRecorder } from '../events/event-recorder.js';
import { ContainerProber, defaultProbeHandlers, probeSpecOf, type ProbeHandlers } from './container-prober.js';
import { findPodContainer } from './container-ref.js';
import type { ExecSync } from './exec-probe.js';
import { ProbeWorker, type ProbeWorkerHost } from './probe-worker.js';
import type { ProbeManager, ProbeResult, ProbeTarget, ProbeType } from './prober.js';

export interface ProbeManagerOptions {
  /** ContainerRuntime.execSync, for exec probes. */
  execSync: ExecSync;
  recorder: EventRecorder;
  clock?: Clock;
  logger?: Logger;
  /** The runtime's view: false stops probing (readiness becomes failure), undefined waits. */
  isContainerRunning?: (containerId: string) => boolean | undefined;
  /** For the start-up jitter (Math.random by default). */
  random?: () => number;
  /** Replaces the exec/http/tcp/grpc runners (tests). */
  handlers?: ProbeHandlers;
}

/** ProbeTarget plus, optionally, when the container started (initialDelaySeconds counts from
 * it; default: when addContainer was called). */
export interface ProbeTargetWithStart extends ProbeTarget {
  startedAt?: number;
}

const PROBE_TYPES: readonly ProbeType[] = ['startup', 'liveness', 'readiness'];

interface Instance {
  target: ProbeTarget;
  container: Container;
  workers: Map<ProbeType, ProbeWorker>;
  results: Partial<Record<ProbeType, ProbeResult>>;
}

/** The message the kubelet kills the container with (computePodActions). */
export function unhealthyMessage(target: ProbeTarget, type: ProbeType): string {
  const restart = target.pod.spec?.restartPolicy !== 'Never';
  return `Container ${target.containerName} failed ${type} probe${restart ? ', will be restarted' : ''}`;
}

export class ProbeManagerImpl implements ProbeManager {
  private readonly instances = new Map<string, Instance>();
  private readonly unhealthyCbs: ((target: ProbeTarget, type: ProbeType, message: string) => void)[] = [];
  private readonly changeCbs: ((podUid: string) => void)[] = [];
  private readonly host: ProbeWorkerHost;

  constructor(opts: ProbeManagerOptions) {
    const clock = opts.clock ?? realClock;
    const prober = new ContainerProber({
      handlers: opts.handlers ?? defaultProbeHandlers(opts.execSync, clock),
      recorder: opts.recorder,
      logger: opts.logger,
    });
    const isRunning = opts.isContainerRunning ?? (() => true);
    this.host = {
      clock,
      logger: opts.logger,
      random: opts.random ?? Math.random,
      startedAt: clock.now(),
      probe: (type, target, container) => prober.probe(type, target, container),
      isRunning: (id) => isRunning(id),
      isStarted: (id) => this.isStarted(id),
      setResult: (id, type, result, fromProbe) => this.setResult(id, type, result, fromProbe),
    };
  }

  addContainer(target: ProbeTargetWithStart): void {
    const existing = this.instances.get(target.containerId);
    if (existing) {
      existing.target = { ...existing.target, pod: target.pod, podIp: target.podIp };
      for (const w of existing.workers.values()) w.target = existing.target;
      return;
    }
    const podUid = target.pod.metadata?.uid ?? '';
    for (const [id, inst] of this.instances) {
      if (inst.target.pod.metadata?.uid === podUid && inst.target.containerName === target.containerName) this.remove(id);
    }
    const found = findPodContainer(target.pod, target.containerName);
    if (!found) return;
    const { startedAt, ...plain } = target;
    const inst: Instance = { target: plain, container: found.container, workers: new Map(), results: {} };
    this.instances.set(target.containerId, inst);
    const started = startedAt ?? this.host.clock.now();
    for (const type of PROBE_TYPES) {
      if (!probeSpecOf(found.container, type)) continue;
      const worker = new ProbeWorker(this.host, type, inst.target, found.container, started);
      inst.workers.set(type, worker);
    }
    for (const worker of inst.workers.values()) void worker.run();
  }

  removePod(podUid: string): void {
    for (const [id, inst] of this.instances) {
      if (inst.target.pod.metadata?.uid === podUid) this.remove(id);
    }
  }

  isStarted(containerId: string): boolean {
    const inst = this.instances.get(containerId);
    if (!inst?.workers.has('startup')) return true;
    return inst.results.startup === 'success';
  }

  isReady(containerId: string): boolean {
    if (!this.isStarted(containerId)) return false;
    const inst = this.instances.get(containerId);
    if (!inst?.workers.has('readiness')) return true;
    return inst.results.readiness === 'success';
  }

  /** The last result of one probe of a container instance (undefined without that probe). */
  result(containerId: string, type: ProbeType): ProbeResult | undefined {
    return this.instances.get(containerId)?.results[type];
  }

  onUnhealthy(cb: (target: ProbeTarget, type: ProbeType, message: string) => void): void {
    this.unhealthyCbs.push(cb);
  }

  onResultChange(cb: (podUid: string) => void): void {
    this.changeCbs.push(cb);
  }

  stop(): void {
    for (const id of [...this.instances.keys()]) this.remove(id);
  }

  private remove(containerId: string): void {
    const inst = this.instances.get(containerId);
    if (!inst) return;
    for (const w of inst.workers.values()) w.stop();
    this.instances.delete(containerId);
  }

  private setResult(containerId: string, type: ProbeType, result: ProbeResult, fromProbe: boolean): void {
    const inst = this.instances.get(containerId);
    if (!inst) return;
    const previous = inst.results[type];
    inst.results[type] = result;
    if (fromProbe && result === 'failure' && (type === 'liveness' || type === 'startup')) {
      const message = unhealthyMessage(inst.target, type);
      this.host.logger?.info('Container failed probe, will be killed', { probeType: type, containerId });
      for (const cb of this.unhealthyCbs) cb(inst.target, type, message);
    }
    if (previous === result || type === 'liveness') return;
    if (type === 'startup' && result === 'success') inst.workers.get('readiness')?.trigger();
    const podUid = inst.target.pod.metadata?.uid ?? '';
    for (const cb of this.changeCbs) cb(podUid);
  }
}
