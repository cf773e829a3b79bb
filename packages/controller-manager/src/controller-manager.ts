/**
 * The controller manager: one set of shared informers, the enabled controllers built over them,
 * started once the informers have synced and run until the signal aborts (while leading).
 */
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Clock, Logger } from '@kubelab/api';
import { isControllerEnabled } from './app/controller-names.js';
import type { KubeControllerManagerOptions } from './app/options.js';
import type { ClientSet } from './framework/client-set.js';
import type { Controller } from './framework/controller.js';
import type { ControllerContext } from './framework/controller-context.js';
import type { EventRecorder } from './framework/event-recorder.js';
import { SharedInformerFactory } from './framework/informer-factory.js';
import { CronJobController } from './controllers/cronjob/cronjob-controller.js';
import { DaemonSetController } from './controllers/daemonset/daemonset-controller.js';
import { DeploymentController } from './controllers/deployment/deployment-controller.js';
import { EndpointsController } from './controllers/endpoint/endpoints-controller.js';
import { EndpointSliceController } from './controllers/endpointslice/endpointslice-controller.js';
import { GarbageCollector } from './controllers/garbagecollector/garbage-collector.js';
import { JobController } from './controllers/job/job-controller.js';
import { NamespaceController } from './controllers/namespace/namespace-controller.js';
import { NodeLifecycleController } from './controllers/nodelifecycle/node-lifecycle-controller.js';
import { ReplicaSetController } from './controllers/replicaset/replica-set-controller.js';
import { RootCaCertPublisher } from './controllers/rootcacertpublisher/root-ca-cert-publisher.js';
import { ServiceAccountsController } from './controllers/serviceaccount/serviceaccounts-controller.js';
import { TaintEvictionController } from './controllers/tainteviction/taint-eviction-controller.js';

export interface ControllerManagerOptions {
  clients: ClientSet;
  clock: Clock;
  logger: Logger;
  recorder(component: string): EventRecorder;
  options: KubeControllerManagerOptions;
}

type Factory = (ctx: ControllerContext, o: KubeControllerManagerOptions) => Controller | undefined;

/** The controllers kubelab implements, by their 1.32 names. */
export const CONTROLLER_FACTORIES: Readonly<Record<string, Factory>> = {
  'serviceaccount-controller': (ctx) => new ServiceAccountsController(ctx),
  'garbage-collector-controller': (ctx, o) =>
    o.enableGarbageCollector ? new GarbageCollector(ctx, { workers: o.workers.gc }) : undefined,
  'namespace-controller': (ctx, o) =>
    new NamespaceController(ctx, { workers: o.workers.namespace }),
  'daemonset-controller': (ctx, o) =>
    new DaemonSetController(ctx, { workers: o.workers.daemonset }),
  'deployment-controller': (ctx, o) =>
    new DeploymentController(ctx, { workers: o.workers.deployment }),
  'job-controller': (ctx, o) => new JobController(ctx, { workers: o.workers.job }),
  'cronjob-controller': (ctx, o) => new CronJobController(ctx, { workers: o.workers.cronJob }),
  'replicaset-controller': (ctx, o) =>
    new ReplicaSetController(ctx, { workers: o.workers.replicaset }),
  'node-lifecycle-controller': (ctx, o) => new NodeLifecycleController(ctx, o.nodeLifecycle),
  'taint-eviction-controller': (ctx) => new TaintEvictionController(ctx),
  'endpoints-controller': (ctx) => new EndpointsController(ctx),
  'endpointslice-controller': (ctx, o) =>
    new EndpointSliceController(ctx, { maxEndpointsPerSlice: o.maxEndpointsPerSlice }),
  'root-ca-certificate-publisher-controller': (ctx, o) => {
    const rootCA = readRootCA(ctx, o.rootCaFile);
    return rootCA ? new RootCaCertPublisher(ctx, { rootCA }) : undefined;
  },
};

/**
 * The CA of --root-ca-file. Upstream falls back to its kubeconfig's CA and stops when the file
 * cannot be read; kubelab needs the flag (kubeadm sets it) and only leaves the publisher off.
 */
function readRootCA(ctx: ControllerContext, path: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    ctx.logger
      .named('controllermanager.go')
      .error(
        'Error starting controller',
        new Error(`error parsing root-ca-file at ${path}: ${(err as Error).message}`),
        {
          controller: 'root-ca-certificate-publisher-controller',
        },
      );
    return undefined;
  }
}

export class ControllerManager {
  readonly informers: SharedInformerFactory;
  readonly controllers: Controller[] = [];
  private readonly logger: Logger;

  constructor(o: ControllerManagerOptions) {
    this.logger = o.logger.named('controllermanager.go');
    this.informers = new SharedInformerFactory({
      clients: o.clients,
      clock: o.clock,
      logger: o.logger.named('reflector.go'),
    });
    const ctx: ControllerContext = {
      clients: o.clients,
      informers: this.informers,
      clock: o.clock,
      logger: o.logger,
      recorder: (c) => o.recorder(c),
    };
    for (const [name, factory] of Object.entries(CONTROLLER_FACTORIES)) {
      if (!isControllerEnabled(name, o.options.controllers)) {
        this.logger.info('Warning: controller is disabled', { controller: name });
        continue;
      }
      const c = factory(ctx, o.options);
      if (c) this.controllers.push(c);
    }
  }

  /** Starts listing and watching; controllers start in run(). */
  start(): void {
    this.informers.start();
  }

  hasSynced(): boolean {
    return this.informers.hasSynced();
  }

  /** Waits for the caches, then runs every controller until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    // Every controller's loops listen for the stop.
    setMaxListeners(0, signal);
    await this.informers.waitForSync(signal).catch(() => undefined);
    if (signal.aborted) return;
    await Promise.all(
      this.controllers.map(async (c) => {
        this.logger.info('Started controller', { controller: c.name });
        await c.run(signal);
      }),
    );
  }

  stop(): void {
    this.informers.stop();
  }
}
