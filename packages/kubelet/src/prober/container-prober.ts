/**
 * One probe of one container (pkg/kubelet/prober/prober.go): picks the handler, retries up
 * to 3 times while the probe errors, and records the events: `Unhealthy` "<Type> probe failed:
 * <output>", `Unhealthy` "<Type> probe errored and resulted in unknown state: <error>",
 * `ProbeWarning` "<Type> probe warning: <output>". An errored probe is thrown away by the
 * worker (it counts neither way).
 */
import type { Clock, Container, Logger, Pod, Probe } from '@kubelab/api';
import { expandCommandOnlyStatic } from '../container/command-and-args.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { containerRef } from './container-ref.js';
import { runExecProbe, type ExecProbeRequest, type ExecSync } from './exec-probe.js';
import { runGrpcProbe, type GrpcProbeRequest } from './grpc-probe.js';
import { buildHttpProbeRequest, runHttpProbe, type HttpProbeRequest } from './http-probe.js';
import { errored, type ProbeOutcome } from './probe-outcome.js';
import type { ProbeTarget, ProbeType } from './prober.js';
import { resolveContainerPort } from './resolve-container-port.js';
import { runTcpProbe, type TcpProbeRequest } from './tcp-probe.js';

export const MAX_PROBE_RETRIES = 3;
export const DEFAULT_TIMEOUT_SECONDS = 1;

export interface ProbeHandlers {
  exec(req: ExecProbeRequest): Promise<ProbeOutcome>;
  http(req: HttpProbeRequest): Promise<ProbeOutcome>;
  tcp(req: TcpProbeRequest): Promise<ProbeOutcome>;
  grpc(req: GrpcProbeRequest): Promise<ProbeOutcome>;
}

export function defaultProbeHandlers(execSync: ExecSync, clock: Clock): ProbeHandlers {
  return {
    exec: (req) => runExecProbe(execSync, clock, req),
    http: (req) => runHttpProbe(clock, req),
    tcp: (req) => runTcpProbe(clock, req),
    grpc: (req) => runGrpcProbe(clock, req),
  };
}

/** liveness -> Liveness, as probeType.String(). */
export const probeTypeName = (type: ProbeType): string => type.charAt(0).toUpperCase() + type.slice(1);

export function probeSpecOf(container: Container, type: ProbeType): Probe | undefined {
  if (type === 'liveness') return container.livenessProbe;
  if (type === 'readiness') return container.readinessProbe;
  return container.startupProbe;
}

const podFormat = (pod: Pod): string =>
  `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;

export interface ProbeVerdict {
  result: 'success' | 'failure';
  /** The probe could not run (the worker discards the result). */
  errored: boolean;
}

export class ContainerProber {
  constructor(
    private readonly opts: { handlers: ProbeHandlers; recorder: EventRecorder; logger?: Logger },
  ) {}

  async probe(type: ProbeType, target: ProbeTarget, container: Container): Promise<ProbeVerdict> {
    const spec = probeSpecOf(container, type);
    if (!spec) return { result: 'success', errored: false };
    let outcome: ProbeOutcome = errored(new Error('probe did not run'));
    for (let i = 0; i < MAX_PROBE_RETRIES; i++) {
      outcome = await this.runProbe(spec, target, container);
      if (!outcome.error) break;
    }
    const name = probeTypeName(type);
    const ref = containerRef(target.pod, container.name);
    const fields = { probeType: type, pod: `${target.pod.metadata?.namespace}/${target.pod.metadata?.name}`, containerName: container.name };
    if (outcome.error) {
      this.opts.logger?.debug('Probe errored', { ...fields, err: outcome.error.message });
      this.opts.recorder.event(ref, 'Warning', 'Unhealthy', `${name} probe errored and resulted in ${outcome.result} state: ${outcome.error.message}`);
      return { result: 'failure', errored: true };
    }
    switch (outcome.result) {
      case 'success':
        return { result: 'success', errored: false };
      case 'warning':
        this.opts.recorder.event(ref, 'Warning', 'ProbeWarning', `${name} probe warning: ${outcome.output}`);
        return { result: 'success', errored: false };
      case 'failure':
        this.opts.logger?.debug('Probe failed', { ...fields, output: outcome.output });
        this.opts.recorder.event(ref, 'Warning', 'Unhealthy', `${name} probe failed: ${outcome.output}`);
        return { result: 'failure', errored: false };
      default:
        return { result: 'failure', errored: false };
    }
  }

  private async runProbe(spec: Probe, target: ProbeTarget, container: Container): Promise<ProbeOutcome> {
    const timeoutMs = (spec.timeoutSeconds || DEFAULT_TIMEOUT_SECONDS) * 1000;
    const { handlers } = this.opts;
    try {
      if (spec.exec) {
        const command = expandCommandOnlyStatic(spec.exec.command ?? [], container.env);
        return await handlers.exec({ containerId: target.containerId, command, timeoutMs });
      }
      if (spec.httpGet) return await handlers.http(buildHttpProbeRequest(spec.httpGet, container, target.podIp, timeoutMs));
      if (spec.tcpSocket) {
        const port = resolveContainerPort(spec.tcpSocket.port, container);
        return await handlers.tcp({ host: spec.tcpSocket.host || target.podIp, port, timeoutMs });
      }
      if (spec.grpc) {
        return await handlers.grpc({ host: target.podIp, port: spec.grpc.port, service: spec.grpc.service ?? '', timeoutMs });
      }
    } catch (err) {
      return errored(err instanceof Error ? err : new Error(String(err)));
    }
    return errored(new Error(`missing probe handler for ${podFormat(target.pod)}:${container.name}`));
  }
}
