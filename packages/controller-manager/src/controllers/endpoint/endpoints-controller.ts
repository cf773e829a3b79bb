/**
 * The Endpoints controller (pkg/controller/endpoint): every Service with a selector (and not of
 * type ExternalName) has an Endpoints object of the same name listing the IPs and target ports
 * of its pods, ready or not; it is recreated when deleted and removed with its Service.
 */
import {
  isApiError,
  isNotFound,
  type Endpoints,
  type Logger,
  type Pod,
  type Service,
} from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { namespacedKey, splitKey } from '../../framework/controller-ref.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { ENDPOINTS, PODS, SERVICES } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { computeSubsets } from './endpoint-subsets.js';
import { TriggerTimeTracker } from './trigger-time-tracker.js';
import { enqueueServicesOfPods, podsOfService } from './pod-service-memberships.js';
import { sameJson } from '../../util/same-json.js';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

export class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';
  readonly queue: WorkQueue<string>;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly triggers = new TriggerTimeTracker();
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number } = {},
  ) {
    this.logger = ctx.logger.named('endpoints_controller.go');
    this.recorder = ctx.recorder('endpoint-controller');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.services = ctx.informers.informer<Service>(SERVICES);
    this.pods = ctx.informers.informer<Pod>(PODS);
    this.endpoints = ctx.informers.informer<Endpoints>(ENDPOINTS);
    const enqueue = (obj: Service | Endpoints): void => this.queue.add(namespacedKey(obj));
    this.services.on('add', enqueue);
    this.services.on('update', enqueue);
    this.services.on('delete', enqueue);
    this.endpoints.on('delete', enqueue);
    enqueueServicesOfPods(this.pods, this.services, this.queue);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting endpoint controller');
    // checkLeftoverEndpoints: Endpoints whose Service is gone are removed on the first sync.
    for (const ep of this.endpoints.cache.list()) {
      if (ep.metadata?.annotations?.[LEADER_ANNOTATION] === undefined)
        this.queue.add(namespacedKey(ep));
    }
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncService(k),
        workers: this.opts.workers ?? 5,
        logger: this.logger,
        maxRetries: 15,
      },
      signal,
    );
  }

  async syncService(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const client = this.ctx.clients.resource<Endpoints>(ENDPOINTS, namespace);
    const service = this.services.cache.get(namespace, name);
    if (!service) {
      try {
        await client.delete(name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      this.triggers.delete(key);
      return;
    }
    // ExternalName services and services without a selector get no endpoints from here.
    const pods = podsOfService(this.pods, service);
    if (!pods) return;
    const triggerTime = this.triggers.compute(key, service, pods);
    const subsets = computeSubsets(service, pods);

    const current = this.endpoints.cache.get(namespace, name);
    const { [HEADLESS_LABEL]: _headless, ...currentLabels } = current?.metadata?.labels ?? {};
    if (
      current &&
      sameJson(withoutPodVersions(current.subsets), subsets) &&
      sameJson(currentLabels, service.metadata?.labels ?? {})
    )
      return;

    const labels: Record<string, string> = { ...service.metadata?.labels };
    const clusterIP = service.spec?.clusterIP;
    if (!clusterIP || clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    const annotations: Record<string, string> = { ...current?.metadata?.annotations };
    if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    const next: Endpoints = {
      ...current,
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...current?.metadata, name, namespace, labels, annotations },
      subsets: subsets as Endpoints['subsets'],
    };
    if (Object.keys(annotations).length === 0) delete next.metadata?.annotations;
    try {
      if (current) await client.update(next);
      else await client.create(next);
    } catch (err) {
      // Creates in a terminating namespace keep failing: drop the key.
      if (
        !current &&
        isApiError(err) &&
        err.details?.causes?.some((c) => c.type === 'NamespaceTerminating')
      )
        return;
      const ref = objectReference(ENDPOINTS, next);
      const message = (err as Error).message;
      if (current)
        this.recorder.event(
          ref,
          'Warning',
          'FailedToUpdateEndpoint',
          `Failed to update endpoint ${namespace}/${name}: ${message}`,
        );
      else
        this.recorder.event(
          ref,
          'Warning',
          'FailedToCreateEndpoint',
          `Failed to create endpoint for service ${namespace}/${name}: ${message}`,
        );
      throw err;
    }
  }
}

/** endpointSubsetsEqualIgnoreResourceVersion: pod resource versions do not count. */
function withoutPodVersions(subsets: Endpoints['subsets']): unknown {
  return JSON.parse(JSON.stringify(subsets ?? []), (k, v: unknown) =>
    k === 'resourceVersion' ? undefined : v,
  ) as unknown;
}
