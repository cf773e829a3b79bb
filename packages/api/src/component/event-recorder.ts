/**
 * A core/v1 event recorder as client-go's tools/record builds events: named
 * `<object>.<hex nanoseconds>` in the object's namespace (default for cluster-scoped objects),
 * with source.component, reportingComponent (and reportingInstance from the host), count and
 * first/last timestamps, correlated (aggregated, deduplicated, spam-filtered) before they are
 * written. Writing is asynchronous and in order, one request at a time, so recording never
 * blocks the caller; at most 1000 events wait (as the broadcaster's queue), later ones are
 * dropped. A component may make events yield to its own urgent requests (`ready`), for at
 * most `maxDeferMs` per event.
 */
import { realClock, rfc3339, type Clock } from '../clock.js';
import { isApiError, isNotFound } from '../errors.js';
import { noopLogger, type Logger } from '../logger.js';
import type { Event, ObjectReference } from '../types/index.js';
import { EventCorrelator } from './event-correlator.js';
import type { EventSink } from './event-sink.js';

export type EventType = 'Normal' | 'Warning';

export interface EventObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string };
}

export interface EventRecorder {
  event(object: EventObject, type: EventType, reason: string, message: string): void;
  /** Resolves once every event recorded so far has been written (or dropped). */
  flush(): Promise<void>;
  /** Drops queued events and stops writing. */
  stop(): void;
}

export interface EventRecorderOptions {
  sink: EventSink;
  /** source.component and reportingComponent: default-scheduler, replicaset-controller ... */
  component: string;
  /** source.host and reportingInstance, when set. */
  host?: string;
  clock?: Clock;
  logger?: Logger;
  maxQueued?: number;
  /** Retries of a write that failed without an answer from the server (client-go: 12). */
  maxTries?: number;
  retryDelayMs?: number;
  /**
   * Resolves when the component can spare a request for an event (e.g. once its own urgent
   * writes are done). An event waits for it at most `maxDeferMs` after it was recorded.
   */
  ready?: () => Promise<void>;
  /** Default 1000. */
  maxDeferMs?: number;
}

export function objectReference(o: EventObject): ObjectReference {
  const ref: ObjectReference = {};
  if (o.kind) ref.kind = o.kind;
  if (o.metadata?.namespace) ref.namespace = o.metadata.namespace;
  if (o.metadata?.name) ref.name = o.metadata.name;
  if (o.metadata?.uid) ref.uid = o.metadata.uid;
  if (o.apiVersion) ref.apiVersion = o.apiVersion;
  if (o.metadata?.resourceVersion) ref.resourceVersion = o.metadata.resourceVersion;
  return ref;
}

class QueuedEventRecorder implements EventRecorder {
  private readonly queue: { ev: Event; at: number }[] = [];
  private readonly correlator: EventCorrelator;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private writing: Promise<void> | undefined;
  private stopped = false;
  private seq = 0;

  constructor(private readonly o: EventRecorderOptions) {
    this.clock = o.clock ?? realClock;
    this.logger = o.logger ?? noopLogger;
    this.correlator = new EventCorrelator((e) => this.eventName(e.involvedObject.name ?? ''));
  }

  private eventName(objectName: string): string {
    // Unique nanoseconds: milliseconds from the clock plus a counter below them.
    const ns = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    return `${objectName}.${ns.toString(16)}`;
  }

  event(object: EventObject, type: EventType, reason: string, message: string): void {
    if (this.stopped) return;
    if (this.queue.length >= (this.o.maxQueued ?? 1000)) {
      this.logger.error('Dropping event because the queue is full', undefined, { reason });
      return;
    }
    const ref = objectReference(object);
    const t = rfc3339(this.clock.now());
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.eventName(ref.name ?? ''), namespace: ref.namespace || 'default' },
      involvedObject: ref,
      reason,
      message,
      source: { component: this.o.component, ...(this.o.host ? { host: this.o.host } : {}) },
      firstTimestamp: t,
      lastTimestamp: t,
      count: 1,
      type,
      reportingComponent: this.o.component,
    };
    if (this.o.host) ev.reportingInstance = this.o.host;
    this.queue.push({ ev, at: this.clock.now() });
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
    });
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  /** Waits for the component to be ready, or until the event is maxDeferMs old. */
  private async deferred(at: number): Promise<void> {
    const { ready } = this.o;
    const left = at + (this.o.maxDeferMs ?? 1000) - this.clock.now();
    if (!ready || left <= 0) return;
    const timeout = new AbortController();
    try {
      await Promise.race([ready(), this.clock.sleep(left, timeout.signal).catch(() => undefined)]);
    } finally {
      timeout.abort();
    }
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next && !this.stopped; next = this.queue.shift()) {
      await this.deferred(next.at);
      const ev = next.ev;
      const result = this.correlator.correlate(ev, this.clock.now());
      if (result.skip) continue;
      await this.write(result.event, result.patch);
    }
  }

  private async write(ev: Event, patch: { count: number; lastTimestamp: string; message: string } | undefined): Promise<void> {
    const tries = this.o.maxTries ?? 12;
    for (let attempt = 1; attempt <= tries && !this.stopped; attempt++) {
      try {
        let written: Event | undefined;
        if (patch) {
          try {
            written = await this.o.sink.patch(ev, patch);
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
        }
        if (!written) {
          const fresh: Event = { ...ev, metadata: { ...ev.metadata } };
          delete fresh.metadata?.resourceVersion;
          written = await this.o.sink.create(fresh);
        }
        this.correlator.updateState(written);
        return;
      } catch (err) {
        if (isApiError(err)) {
          this.logger.error('Server rejected event (will not retry!)', err, { event: ev.metadata?.name });
          return;
        }
        this.logger.error('Unable to write event (may retry after sleeping)', err, { event: ev.metadata?.name });
        try {
          await this.clock.sleep(this.o.retryDelayMs ?? 10_000);
        } catch {
          return;
        }
      }
    }
  }
}

export function createEventRecorder(o: EventRecorderOptions): EventRecorder {
  return new QueuedEventRecorder(o);
}
