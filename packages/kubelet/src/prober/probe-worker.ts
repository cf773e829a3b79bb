/**
 * A probe worker (pkg/kubelet/prober/worker.go): one probe type of one container instance,
 * run on its period. After kubelet start it first waits a random part of the period; then it
 * probes at once and on every tick (ticks missed during a slow probe collapse into one, as a
 * Go ticker's). A probe counts only after initialDelaySeconds (whole seconds since the
 * container started); liveness and readiness wait for the startup probe; a result is set only
 * after successThreshold / failureThreshold consecutive equal results; a liveness or startup
 * failure puts the worker on hold (this instance is restarted); an errored probe is discarded.
 */
import type { Clock, Container, Logger, Probe } from '@kubelab/api';
import type { ProbeVerdict } from './container-prober.js';
import type { ProbeResult, ProbeTarget, ProbeType } from './prober.js';

export const DEFAULT_PERIOD_SECONDS = 10;
export const DEFAULT_SUCCESS_THRESHOLD = 1;
export const DEFAULT_FAILURE_THRESHOLD = 3;

/** What a worker needs from its manager. */
export interface ProbeWorkerHost {
  clock: Clock;
  logger?: Logger;
  random: () => number;
  /** When the kubelet (the probe manager) started. */
  startedAt: number;
  probe(type: ProbeType, target: ProbeTarget, container: Container): Promise<ProbeVerdict>;
  /** true / false, or undefined while the runtime has not said. */
  isRunning(containerId: string): boolean | undefined;
  isStarted(containerId: string): boolean;
  /** `fromProbe`: set because probes crossed a threshold (not because the container stopped). */
  setResult(containerId: string, type: ProbeType, result: ProbeResult, fromProbe: boolean): void;
}

export const INITIAL_RESULT: Record<ProbeType, ProbeResult> = {
  readiness: 'failure',
  liveness: 'success',
  startup: 'unknown',
};

export class ProbeWorker {
  private lastResult: ProbeResult = 'unknown';
  private resultRun = 0;
  private onHold = false;
  private stopped = false;
  private triggered = false;
  private wake: AbortController | undefined;
  private readonly spec: Probe;

  constructor(
    private readonly host: ProbeWorkerHost,
    readonly type: ProbeType,
    public target: ProbeTarget,
    private readonly container: Container,
    private readonly containerStartedAt: number,
  ) {
    const spec = type === 'liveness' ? container.livenessProbe : type === 'readiness' ? container.readinessProbe : container.startupProbe;
    this.spec = spec ?? {};
  }

  private get periodMs(): number {
    return (this.spec.periodSeconds || DEFAULT_PERIOD_SECONDS) * 1000;
  }

  /** Sets the initial result and probes until stopped; resolves when the worker ends. */
  async run(): Promise<void> {
    const { clock } = this.host;
    this.host.setResult(this.target.containerId, this.type, INITIAL_RESULT[this.type], false);
    const period = this.periodMs;
    if (period > clock.now() - this.host.startedAt) {
      await this.pause(this.host.random() * period);
      this.triggered = false;
    }
    let nextTick = clock.now() + period;
    while (await this.doProbeSafely()) {
      const now = clock.now();
      if (this.triggered) {
        this.triggered = false;
      } else if (nextTick <= now) {
        while (nextTick <= now) nextTick += period;
      } else {
        const ticked = await this.pause(nextTick - now);
        if (ticked) nextTick += period;
        else this.triggered = false;
      }
    }
  }

  /** Probes again now (the manual trigger; one pending trigger at most). */
  trigger(): void {
    this.triggered = true;
    this.wake?.abort();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.abort();
  }

  /** Sleeps; true when the time passed, false when woken by a trigger or stop. */
  private async pause(ms: number): Promise<boolean> {
    if (this.stopped) return false;
    if (ms <= 0) return true;
    const wake = new AbortController();
    this.wake = wake;
    try {
      await this.host.clock.sleep(ms, wake.signal);
      return true;
    } catch {
      return false;
    } finally {
      this.wake = undefined;
    }
  }

  private async doProbeSafely(): Promise<boolean> {
    if (this.stopped) return false;
    try {
      return await this.doProbe();
    } catch (err) {
      this.host.logger?.error('Probe worker failed', err, { probeType: this.type, containerId: this.target.containerId });
      return true;
    }
  }

  /** doProbe: whether to keep going. */
  private async doProbe(): Promise<boolean> {
    const { host, target } = this;
    const id = target.containerId;
    const running = host.isRunning(id);
    if (running === undefined) return true;
    if (this.onHold) return true;
    if (!running) {
      host.setResult(id, this.type, 'failure', false);
      return false;
    }
    if (target.pod.metadata?.deletionTimestamp && (this.type === 'liveness' || this.type === 'startup')) {
      host.setResult(id, this.type, 'success', false);
      return false;
    }
    const sinceStart = Math.trunc((host.clock.now() - this.containerStartedAt) / 1000);
    if (sinceStart < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (host.isStarted(id)) {
      if (this.type === 'startup') return false;
    } else if (this.type !== 'startup') {
      return true;
    }
    const verdict = await host.probe(this.type, target, this.container);
    if (this.stopped) return false;
    if (verdict.errored) return true;
    const result = verdict.result;
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const failureThreshold = this.spec.failureThreshold || DEFAULT_FAILURE_THRESHOLD;
    const successThreshold = this.spec.successThreshold || DEFAULT_SUCCESS_THRESHOLD;
    if ((result === 'failure' && this.resultRun < failureThreshold) || (result === 'success' && this.resultRun < successThreshold)) {
      return true;
    }
    host.setResult(id, this.type, result, true);
    if ((this.type === 'liveness' || this.type === 'startup') && result === 'failure') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}
