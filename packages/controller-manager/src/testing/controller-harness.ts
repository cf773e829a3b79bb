/**
 * A ControllerContext over fakes, with a recording event recorder and helpers to wait until
 * the informers have caught up with the fake stores.
 */
import type { ObjectReference, ResourceInfo } from '@kubelab/api';
import { noopLogger, realClock, type Clock, type Logger } from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';
import type { ControllerContext } from '../framework/controller-context.js';
import type { EventRecorder, EventType } from '../framework/event-recorder.js';
import { SharedInformerFactory } from '../framework/informer-factory.js';
import { FakeClientSet } from './fake-client-set.js';
import { waitFor } from './wait-for.js';

export interface RecordedEvent {
  component: string;
  ref: ObjectReference;
  type: EventType;
  reason: string;
  message: string;
}

export class ControllerHarness {
  readonly clients = new FakeClientSet();
  readonly events: RecordedEvent[] = [];
  readonly informers: SharedInformerFactory;
  readonly context: ControllerContext;

  constructor(opts: { clock?: Clock; logger?: Logger } = {}) {
    const clock = opts.clock ?? realClock;
    const logger = opts.logger ?? noopLogger;
    this.informers = new SharedInformerFactory({ clients: this.clients, clock: realClock, logger });
    this.context = {
      clients: this.clients,
      informers: this.informers,
      clock,
      logger,
      recorder: (component): EventRecorder => ({
        event: (ref, type, reason, message) =>
          this.events.push({ component, ref, type, reason, message }),
      }),
    };
  }

  async start(): Promise<void> {
    this.informers.start();
    await this.informers.waitForSync();
  }

  stop(): void {
    this.informers.stop();
  }

  /** Stores an object directly (as another client would) and returns it. */
  async seed<T extends KubeObject>(info: ResourceInfo, obj: T): Promise<T> {
    return this.clients.resource<T>(info, obj.metadata?.namespace).create(obj);
  }

  /** Waits until the informer of `info` holds exactly what the fake store holds. */
  async settle(...infos: ResourceInfo[]): Promise<void> {
    for (const info of infos) {
      await waitFor(`informer of ${info.plural} to catch up`, () => {
        const stored = this.clients.objects(info);
        const cache = this.informers.informer(info).cache;
        if (cache.keys().length !== stored.length) return false;
        return stored.every((o) => {
          const c = cache.get(o.metadata?.namespace, o.metadata?.name ?? '');
          return c?.metadata?.resourceVersion === o.metadata?.resourceVersion;
        });
      });
    }
  }
}
