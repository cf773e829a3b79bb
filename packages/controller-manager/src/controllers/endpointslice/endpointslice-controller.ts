/**
 * The EndpointSlice controller (pkg/controller/endpointslice): every Service with a selector
 * (and not of type ExternalName) has EndpointSlices labelled `kubernetes.io/service-name`
 * listing its pods with their conditions; they are owned by the Service, so the garbage
 * collector removes them with it. kubectl 1.31 and later read these, not Endpoints, for the
 * Endpoints line of `kubectl describe service`.
 */
import {
  isApiError,
  isNotFound,
  type EndpointSlice,
  type Logger,
  type Node,
  type Pod,
  type Service,
} from '@kubelab/api';
import { createRateLimitingQueue, type Informer, type WorkQueue } from '@kubelab/api/informer';
import type { Controller } from '../../framework/controller.js';
import type { ControllerContext } from '../../framework/controller-context.js';
import { namespacedKey, newControllerRef, splitKey } from '../../framework/controller-ref.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { ENDPOINT_SLICES, NODES, PODS, SERVICES } from '../../framework/resources.js';
import { runWorkers } from '../../framework/run-workers.js';
import { enqueueServicesOfPods, podsOfService } from '../endpoint/pod-service-memberships.js';
import { TriggerTimeTracker } from '../endpoint/trigger-time-tracker.js';
import { desiredEndpointGroups, serviceAddressTypes } from './slice-endpoints.js';
import { CONTROLLER_NAME, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, planSlices } from './slice-plan.js';
import { STALE_CACHE_MESSAGE, SliceTracker } from './slice-tracker.js';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  readonly queue: WorkQueue<string>;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly triggers = new TriggerTimeTracker();
  private readonly tracker = new SliceTracker();
  private readonly recorder: EventRecorder;
  private readonly logger: Logger;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly opts: { workers?: number; maxEndpointsPerSlice?: number } = {},
  ) {
    this.logger = ctx.logger.named('endpointslice_controller.go');
    this.recorder = ctx.recorder('endpoint-slice-controller');
    this.queue = createRateLimitingQueue<string>({ clock: ctx.clock });
    this.services = ctx.informers.informer<Service>(SERVICES);
    this.pods = ctx.informers.informer<Pod>(PODS);
    this.nodes = ctx.informers.informer<Node>(NODES);
    this.slices = ctx.informers.informer<EndpointSlice>(ENDPOINT_SLICES);
    const enqueue = (svc: Service): void => this.queue.add(namespacedKey(svc));
    this.services.on('add', enqueue);
    this.services.on('update', enqueue);
    this.services.on('delete', enqueue);
    // A managed slice changed or removed by someone else is put back.
    const serviceKeyOf = (slice: EndpointSlice): string | undefined => {
      const labels = slice.metadata?.labels ?? {};
      const service = labels[SERVICE_NAME_LABEL];
      return service && labels[MANAGED_BY_LABEL] === CONTROLLER_NAME
        ? `${slice.metadata?.namespace ?? ''}/${service}`
        : undefined;
    };
    this.slices.on('update', (slice) => {
      const key = serviceKeyOf(slice);
      if (key) this.queue.add(key);
    });
    this.slices.on('delete', (slice) => {
      const key = serviceKeyOf(slice);
      if (!key) return;
      this.tracker.observedDelete(key, slice.metadata?.name ?? '');
      this.queue.add(key);
    });
    enqueueServicesOfPods(this.pods, this.services, this.queue);
  }

  async run(signal: AbortSignal): Promise<void> {
    this.logger.info('Starting endpoint slice controller');
    await runWorkers(
      {
        queue: this.queue,
        sync: (k) => this.syncService(k),
        workers: this.opts.workers ?? 5,
        logger: this.logger,
        maxRetries: 15,
        errorMessage: 'Error syncing endpoint slices for service, retrying',
      },
      signal,
    );
  }

  async syncService(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const service = this.services.cache.get(namespace, name);
    if (!service) {
      // Its slices are owned by it: the garbage collector removes them.
      this.triggers.delete(key);
      this.tracker.forget(key);
      return;
    }
    // ExternalName services and services without a selector get no slices from here.
    const pods = podsOfService(this.pods, service);
    if (!pods) return;
    const zoneOf = (node: string): string | undefined =>
      this.nodes.cache.get('', node)?.metadata?.labels?.[ZONE_LABEL];
    const mine = this.slices.cache
      .list(namespace)
      .filter(
        (s) =>
          s.metadata?.labels?.[SERVICE_NAME_LABEL] === name &&
          s.metadata?.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME,
      );
    if (this.tracker.stale(key, mine)) {
      // Upstream's StaleInformerCache error: retried with backoff, with no event.
      this.logger.debug('Error syncing endpoint slices for service, retrying', {
        key,
        err: STALE_CACHE_MESSAGE,
      });
      this.queue.addRateLimited(key);
      return;
    }
    // After the stale check, so that a retried sync still sees what changed.
    const triggerTime = this.triggers.compute(key, service, pods);
    const client = this.ctx.clients.resource<EndpointSlice>(ENDPOINT_SLICES, namespace);
    const ownerRef = newControllerRef(service, SERVICES);
    try {
      for (const addressType of serviceAddressTypes(service)) {
        const groups = desiredEndpointGroups(service, pods, addressType, zoneOf);
        const existing = mine.filter((s) => s.addressType === addressType);
        const plan = planSlices(service, groups, existing, {
          addressType,
          maxEndpointsPerSlice: this.opts.maxEndpointsPerSlice ?? 100,
          ownerRef,
          triggerTime,
        });
        for (const slice of plan.create) this.tracker.wrote(key, await client.create(slice));
        for (const slice of plan.update) this.tracker.wrote(key, await client.update(slice));
        for (const slice of plan.delete) await this.deleteSlice(key, client, slice);
      }
      const families: string[] = serviceAddressTypes(service);
      for (const slice of mine.filter((s) => !families.includes(s.addressType)))
        await this.deleteSlice(key, client, slice);
    } catch (err) {
      // Writes in a terminating namespace keep failing: drop the key.
      if (isApiError(err) && err.details?.causes?.some((c) => c.type === 'NamespaceTerminating'))
        return;
      this.recorder.event(
        objectReference(SERVICES, service),
        'Warning',
        'FailedToUpdateEndpointSlices',
        `Error updating Endpoint Slices for Service ${namespace}/${name}: ${(err as Error).message}`,
      );
      throw err;
    }
  }

  private async deleteSlice(
    serviceKey: string,
    client: ReturnType<ControllerContext['clients']['resource']>,
    slice: EndpointSlice,
  ): Promise<void> {
    const name = slice.metadata?.name ?? '';
    try {
      await client.delete(name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.tracker.deleted(serviceKey, name);
  }
}
