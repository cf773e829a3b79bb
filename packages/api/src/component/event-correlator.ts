/**
 * client-go's EventCorrelator (tools/record/events_cache.go) for core/v1 Events:
 *  - aggregation: more than 9 events with the same source, object, type and reason but
 *    different messages within 10 minutes collapse into one event whose message starts
 *    `(combined from similar events): `;
 *  - deduplication: an event equal to one already written (same key, message included) is
 *    sent as a patch of count, lastTimestamp and message on that event;
 *  - spam filtering: per source and object, a token bucket of 25 refilled once per 5 minutes.
 */
import { rfc3339 } from '../clock.js';
import type { Event } from '../types/index.js';

export const MAX_LRU_CACHE_ENTRIES = 4096;
export const DEFAULT_AGGREGATE_MAX_EVENTS = 10;
export const DEFAULT_AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
export const SPAM_REFILL_MS = 300_000;
export const COMBINED_PREFIX = '(combined from similar events): ';

export interface CorrelationResult {
  event: Event;
  /** When set, patch the existing event with this body instead of creating one. */
  patch?: { count: number; lastTimestamp: string; message: string };
  skip: boolean;
}

/** A small LRU map (the correlator's caches hold at most 4096 entries). */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

const join = (parts: (string | number | undefined)[]): string => parts.map((p) => p ?? '').join('');

function objectKey(e: Event): (string | undefined)[] {
  const o = e.involvedObject;
  return [e.source?.component, e.source?.host, o.kind, o.namespace, o.name, o.fieldPath, o.uid, o.apiVersion];
}

/** getEventKey: everything that identifies an event, message included. */
export function eventKey(e: Event): string {
  return join([...objectKey(e), e.type, e.reason, e.message, e.reportingComponent, e.reportingInstance]);
}

function aggregateKey(e: Event): string {
  return join([...objectKey(e), e.type, e.reason, e.reportingComponent, e.reportingInstance]);
}

function spamKey(e: Event): string {
  const o = e.involvedObject;
  return join([e.source?.component, e.source?.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion]);
}

interface Observation {
  count: number;
  firstTimestamp: string | undefined;
  name: string | undefined;
  resourceVersion: string | undefined;
}

export class EventCorrelator {
  private readonly aggregates = new Lru<{ messages: Set<string>; last: number }>(MAX_LRU_CACHE_ENTRIES);
  private readonly observations = new Lru<Observation>(MAX_LRU_CACHE_ENTRIES);
  private readonly buckets = new Lru<{ tokens: number; at: number }>(MAX_LRU_CACHE_ENTRIES);

  /** `name` makes the name of an aggregate event (`<object>.<hex nanoseconds>`). */
  constructor(private readonly name: (e: Event) => string) {}

  correlate(incoming: Event, now: number): CorrelationResult {
    const { event: aggregated, key } = this.aggregate(incoming, now);
    const { event, patch } = this.observe(aggregated, key);
    return { event, ...(patch ? { patch } : {}), skip: this.spam(event, now) };
  }

  /** Records what the server returned, so later duplicates patch the right object. */
  updateState(e: Event): void {
    this.observations.set(eventKey(e), {
      count: e.count ?? 1,
      firstTimestamp: e.firstTimestamp,
      name: e.metadata?.name,
      resourceVersion: e.metadata?.resourceVersion,
    });
  }

  private aggregate(e: Event, now: number): { event: Event; key: string } {
    const akey = aggregateKey(e);
    let record = this.aggregates.get(akey);
    if (!record || now - record.last > DEFAULT_AGGREGATE_INTERVAL_MS) record = { messages: new Set(), last: 0 };
    record.messages.add(e.message ?? '');
    record.last = now;
    this.aggregates.set(akey, record);
    if (record.messages.size < DEFAULT_AGGREGATE_MAX_EVENTS) return { event: e, key: eventKey(e) };
    const first = record.messages.values().next().value as string;
    record.messages.delete(first);
    const t = rfc3339(now);
    const combined: Event = {
      ...e,
      metadata: { name: this.name(e), namespace: e.metadata?.namespace ?? '' },
      count: 1,
      firstTimestamp: t,
      lastTimestamp: t,
      message: `${COMBINED_PREFIX}${e.message ?? ''}`,
    };
    return { event: combined, key: akey };
  }

  private observe(e: Event, key: string): { event: Event; patch?: CorrelationResult['patch'] } {
    const last = this.observations.get(key);
    const event: Event = { ...e, metadata: { ...e.metadata } };
    let patch: CorrelationResult['patch'];
    if (last && last.count > 0) {
      if (last.name) event.metadata = { ...event.metadata, name: last.name };
      if (last.resourceVersion) event.metadata = { ...event.metadata, resourceVersion: last.resourceVersion };
      if (last.firstTimestamp) event.firstTimestamp = last.firstTimestamp;
      event.count = last.count + 1;
      patch = { count: event.count, lastTimestamp: event.lastTimestamp ?? '', message: event.message ?? '' };
    }
    this.observations.set(key, {
      count: event.count ?? 1,
      firstTimestamp: event.firstTimestamp,
      name: event.metadata?.name,
      resourceVersion: event.metadata?.resourceVersion,
    });
    return patch ? { event, patch } : { event };
  }

  private spam(e: Event, now: number): boolean {
    const key = spamKey(e);
    const b = this.buckets.get(key) ?? { tokens: SPAM_BURST, at: now };
    const refill = Math.floor((now - b.at) / SPAM_REFILL_MS);
    if (refill > 0) {
      b.tokens = Math.min(SPAM_BURST, b.tokens + refill);
      b.at += refill * SPAM_REFILL_MS;
    }
    const skip = b.tokens < 1;
    if (!skip) b.tokens -= 1;
    this.buckets.set(key, b);
    return skip;
  }
}
