/**
 * The start-up every control-plane component shares (component-base cli.Run plus the
 * scheduler's and controller-manager's Run): parse flags (a bad flag prints the usage and
 * `Error: <why>`, exit 1), log in klog format, validate, bind the secure port, load the
 * kubeconfigs (failures log `"command failed" err=...`, exit 1), start the component, then lead
 * through a Lease (or at once without --leader-elect). Losing the lease exits 1 with
 * `Leaderelection lost`; a requested stop exits 0.
 */
import { createRestClient, defaultUserAgent, type RestClient } from '../client/rest-client.js';
import type { ClusterConnection } from '../client/cluster-connection.js';
import { realClock, type Clock } from '../clock.js';
import { FlagError, parseFlags, type FlagSpec, type FlagValues } from '../flags/flag-set.js';
import { LeaderElector } from '../leaderelection/leader-elector.js';
import { leaderIdentity } from '../leaderelection/leader-identity.js';
import { LeaseLock } from '../leaderelection/lease-lock.js';
import type { Logger } from '../logger.js';
import { findResource } from '../resources.js';
import type { Lease } from '../types/index.js';
import { loadComponentConnection, type KubeconfigOrder } from './component-kubeconfig.js';
import { createComponentLogger } from './component-logger.js';
import {
  componentFlagSpecs,
  componentOptionsFromFlags,
  validateComponentOptions,
  type ComponentDefaults,
  type ComponentOptions,
} from './component-options.js';
import { aggregateMessage, componentUsage, flagValueString } from './component-usage.js';
import { createEventRecorder, type EventRecorder, type EventRecorderOptions } from './event-recorder.js';
import { createApiEventSink } from './event-sink.js';
import type { HealthCheck } from './health-checks.js';
import { startHealthServer, type HealthChecks, type HealthServer } from './health-server.js';
import { servingCertificate } from './serving-certificate.js';

export const COMPONENT_VERSION = 'v1.32.0';
/** The leaderElection check tolerates 20 s past the lease duration (as the scheduler and KCM). */
export const MAX_TOLERABLE_EXPIRED_LEASE_MS = 20_000;

export interface ComponentIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export interface ComponentContext {
  options: ComponentOptions;
  /** Every flag value, the component's own included. */
  flags: FlagValues;
  connection: ClusterConnection;
  client: RestClient;
  logger: Logger;
  clock: Clock;
  /** Creates an event recorder writing core/v1 events for this source component. */
  eventRecorder(component: string, opts?: Pick<EventRecorderOptions, 'ready' | 'maxDeferMs'>): EventRecorder;
}

export interface ComponentInstance {
  /** Runs the component's loops while leading; resolves after the signal aborts. */
  lead(signal: AbortSignal): Promise<void>;
  healthChecks?: HealthChecks;
  shutdown?(): Promise<void> | void;
}

export interface ComponentSpec {
  /** The binary: kube-scheduler, kube-controller-manager. */
  name: string;
  defaults: ComponentDefaults;
  kubeconfigOrder: KubeconfigOrder;
  /** source.component of the LeaderElection events: default-scheduler, kube-controller-manager. */
  leaderElectionEventSource: string;
  flags?: FlagSpec[];
  validate?(flags: FlagValues): string[];
  start(ctx: ComponentContext): Promise<ComponentInstance>;
}

export interface RunComponentOptions {
  io?: ComponentIO;
  /** Aborting asks the component to stop (SIGTERM). */
  signal?: AbortSignal;
  clock?: Clock;
}

export async function runComponent(spec: ComponentSpec, argv: string[], o: RunComponentOptions = {}): Promise<number> {
  const io = o.io ?? { stdout: process.stdout, stderr: process.stderr };
  const specs = [...componentFlagSpecs(spec.defaults), ...(spec.flags ?? [])];
  let flags: FlagValues;
  try {
    const parsed = parseFlags(argv, specs);
    if (parsed.args.length > 0) {
      io.stderr.write(`Error: "${spec.name}" does not take any arguments, got ${JSON.stringify(parsed.args)}\n`);
      return 1;
    }
    flags = parsed.values;
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    io.stderr.write(componentUsage(spec.name, specs));
    io.stderr.write(`\nError: ${err.message}\n`);
    return 1;
  }
  if (flags['help'] === true) {
    io.stdout.write(componentUsage(spec.name, specs));
    return 0;
  }
  const options = componentOptionsFromFlags(flags);
  const logs = createComponentLogger({ verbosity: options.verbosity, logFile: options.logFile, sink: { write: (l) => io.stderr.write(l) } });
  const logger = logs.logger;
  for (const s of specs) logger.debug(`FLAG: --${s.name}=${JSON.stringify(flagValueString(s, flags[s.name]))}`);
  const run = new ComponentRun(spec, options, flags, logger, o.clock ?? realClock);
  try {
    return await run.run(o.signal ?? new AbortController().signal);
  } catch (err) {
    logger.named('run.go').error('command failed', err);
    return 1;
  } finally {
    await run.close();
    logs.close();
  }
}

class ComponentRun {
  private server: HealthServer | undefined;
  private instance: ComponentInstance | undefined;
  private recorders: EventRecorder[] = [];
  private readonly checks: Required<HealthChecks> = { healthz: [], livez: [], readyz: [] };

  constructor(
    private readonly spec: ComponentSpec,
    private readonly options: ComponentOptions,
    private readonly flags: FlagValues,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async run(signal: AbortSignal): Promise<number> {
    const { options, spec, logger } = this;
    const errs = [...validateComponentOptions(options), ...(spec.validate?.(this.flags) ?? [])];
    if (errs.length > 0) throw new Error(aggregateMessage(errs));
    if (options.securePort > 0) await this.listen();
    const connection = loadComponentConnection(options, spec.kubeconfigOrder, logger);
    const client = createRestClient(connection, { userAgent: defaultUserAgent(spec.name, COMPONENT_VERSION), logger });
    const eventSink = createApiEventSink(client);
    const eventRecorder: ComponentContext['eventRecorder'] = (component, opts) => {
      const r = createEventRecorder({ sink: eventSink, component, clock: this.clock, logger, ...opts });
      this.recorders.push(r);
      return r;
    };
    const ctx: ComponentContext = { options, flags: this.flags, connection, client, logger, clock: this.clock, eventRecorder };
    this.instance = await spec.start(ctx);
    if (this.server) logger.named('secure_serving.go').info(this.server.serving);
    for (const k of ['healthz', 'livez', 'readyz'] as const) this.checks[k].push(...(this.instance.healthChecks?.[k] ?? []));
    if (!options.leaderElect) {
      await this.instance.lead(signal);
      return 0;
    }
    return this.lead(ctx, signal);
  }

  private async listen(): Promise<void> {
    const { options } = this;
    const tls = await servingCertificate(options.tlsCertFile, options.tlsPrivateKeyFile, this.clock.now());
    try {
      this.server = await startHealthServer({
        bindAddress: options.bindAddress,
        port: options.securePort,
        tls,
        checks: this.checks,
        alwaysAllowPaths: options.alwaysAllowPaths,
        logger: this.logger.named('secure_serving.go'),
      });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const where = `${options.bindAddress}:${options.securePort}`;
      const why = e.code === 'EADDRINUSE' ? 'bind: address already in use' : e.message;
      throw new Error(`failed to create listener: failed to listen on ${where}: listen tcp ${where}: ${why}`, { cause: err });
    }
  }

  private async lead(ctx: ComponentContext, signal: AbortSignal): Promise<number> {
    const { options, logger } = this;
    const leases = findResource('coordination.k8s.io', 'v1', 'leases');
    if (!leases) throw new Error('leases are not in the resource table');
    // The elector's own client times out at the renew deadline, as upstream configures it.
    const leClient = createRestClient(ctx.connection, {
      userAgent: `${defaultUserAgent(this.spec.name, COMPONENT_VERSION)}/leader-election`,
      timeoutMs: options.renewDeadlineMs,
    });
    const lock = new LeaseLock({
      client: leClient.resource<Lease>(leases, options.leaseNamespace),
      namespace: options.leaseNamespace,
      name: options.leaseName,
      identity: leaderIdentity(),
      eventRecorder: ctx.eventRecorder(this.spec.leaderElectionEventSource),
    });
    let code = 0;
    const elector = new LeaderElector({
      lock,
      leaseDurationMs: options.leaseDurationMs,
      renewDeadlineMs: options.renewDeadlineMs,
      retryPeriodMs: options.retryPeriodMs,
      releaseOnCancel: true,
      clock: this.clock,
      logger: logger.named('leaderelection.go'),
      callbacks: {
        onStartedLeading: (leading) => this.instance?.lead(leading),
        onStoppedLeading: () => {
          if (signal.aborted) logger.info('Requested to terminate, exiting');
          else {
            logger.error('Leaderelection lost');
            code = 1;
          }
        },
      },
    });
    const check: HealthCheck = { name: 'leaderElection', check: () => elector.check(MAX_TOLERABLE_EXPIRED_LEASE_MS) };
    this.checks.healthz.push(check);
    this.checks.livez.push(check);
    await elector.run(signal);
    leClient.close();
    return code;
  }

  async close(): Promise<void> {
    await this.instance?.shutdown?.();
    await Promise.all(this.recorders.map((r) => r.flush()));
    await this.server?.close();
  }
}
