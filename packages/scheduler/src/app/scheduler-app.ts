/**
 * A scheduler running against an API server: informers feeding the cache and queue, bindings
 * and status patches through the REST client. Usable on its own (tests, benchmarks) and as the
 * body of the kube-scheduler component.
 */
import { noopLogger, realClock, type Clock, type EventRecorder, type Logger } from '@kubelab/api';
import type { RestClient } from '@kubelab/api/client';
import { ApiSchedulerClient } from '../client/api-scheduler-client.js';
import { SchedulerEventHandlers } from '../event-handlers.js';
import { Scheduler } from '../scheduler.js';
import { allInformers, createSchedulerInformers, informerListers, type SchedulerInformers } from './scheduler-informers.js';

export interface SchedulerAppOptions {
  rest: RestClient;
  /** The recorder, given the scheduler (so events can wait for Scheduler.quiet()). */
  recorder: EventRecorder | ((scheduler: Scheduler) => EventRecorder);
  clock?: Clock;
  logger?: Logger;
  maxConcurrentBindings?: number;
}

export class SchedulerApp {
  readonly informers: SchedulerInformers;
  readonly scheduler: Scheduler;
  private detach: (() => void) | undefined;
  private synced = false;

  constructor(private readonly o: SchedulerAppOptions) {
    const clock = o.clock ?? realClock;
    const logger = o.logger ?? noopLogger;
    this.informers = createSchedulerInformers(o.rest, { clock, logger: logger.named('reflector.go') });
    const recorder: EventRecorder =
      typeof o.recorder === 'function'
        ? lazyRecorder(() => (o.recorder as (s: Scheduler) => EventRecorder)(this.scheduler))
        : o.recorder;
    this.scheduler = new Scheduler({
      client: new ApiSchedulerClient(o.rest),
      recorder,
      getPod: (ns, name) => this.informers.pods.cache.get(ns, name),
      listers: informerListers(this.informers),
      clock,
      logger: logger.named('schedule_one.go'),
      ...(o.maxConcurrentBindings ? { maxConcurrentBindings: o.maxConcurrentBindings } : {}),
    });
  }

  /** Starts the informers (handlers attached first, so nothing is missed). */
  start(): void {
    this.detach ??= new SchedulerEventHandlers(this.scheduler).attach(this.informers);
    for (const i of allInformers(this.informers)) i.start();
    void this.waitForSync().then(
      () => (this.synced = true),
      () => {},
    );
  }

  hasSynced(): boolean {
    return this.synced;
  }

  async waitForSync(signal?: AbortSignal): Promise<void> {
    await Promise.all(allInformers(this.informers).map((i) => i.waitForSync(signal)));
  }

  /** Waits for the caches, then schedules until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    try {
      await this.waitForSync(signal);
    } catch {
      return;
    }
    await this.scheduler.run(signal);
  }

  stop(): void {
    this.detach?.();
    this.detach = undefined;
    for (const i of allInformers(this.informers)) i.stop();
  }
}

/** A recorder created on first use (it needs the scheduler, which needs a recorder). */
function lazyRecorder(make: () => EventRecorder): EventRecorder {
  let r: EventRecorder | undefined;
  const get = (): EventRecorder => (r ??= make());
  return {
    event: (o, type, reason, message) => get().event(o, type, reason, message),
    flush: () => (r ? r.flush() : Promise.resolve()),
    stop: () => r?.stop(),
  };
}
