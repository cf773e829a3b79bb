/**
 * Events posted to the API server as client-go's recorder posts them: one Event per involved
 * object, reason and message, its count and lastTimestamp bumped when it repeats. Sent in the
 * background; while the API server is unreachable they queue (up to 1,000) and then drop.
 */
import type { Clock, Logger, ObjectReference } from '@kubelab/api';
import { ApiError, rfc3339 } from '@kubelab/api';
import type { ApiAvailability } from '../api/api-availability.js';
import { isConnectionError } from '../api/api-availability.js';
import type { EventRecorder, EventType } from './event-recorder.js';

export interface EventApi {
  createEvent(namespace: string, event: object): Promise<unknown>;
  patchEvent(namespace: string, name: string, patch: object): Promise<unknown>;
}

interface Pending {
  key: string;
  involved: ObjectReference;
  type: EventType;
  reason: string;
  message: string;
  at: number;
}

interface Sent {
  name: string;
  namespace: string;
  count: number;
  first: string;
}

const MAX_QUEUE = 1000;

export class ApiEventRecorder implements EventRecorder {
  private readonly queue: Pending[] = [];
  private readonly sent = new Map<string, Sent>();
  private running = false;

  constructor(
    private readonly opts: { api: EventApi; availability: ApiAvailability; clock: Clock; logger: Logger; component: string; host: string },
  ) {}

  event(involved: ObjectReference, type: EventType, reason: string, message: string): void {
    if (this.queue.length >= MAX_QUEUE) this.queue.shift();
    const key = `${involved.uid ?? involved.name ?? ''}|${involved.fieldPath ?? ''}|${type}|${reason}|${message}`;
    this.queue.push({ key, involved, type, reason, message, at: this.opts.clock.now() });
    this.opts.logger.debug('Event occurred', { object: `${involved.namespace ?? ''}/${involved.name ?? ''}`, kind: involved.kind, type, reason, message });
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const ev = this.queue[0] as Pending;
        try {
          await this.send(ev);
          this.queue.shift();
        } catch (err) {
          if (isConnectionError(err)) {
            this.opts.availability.reportDown(err);
            await this.opts.availability.whenUp();
          } else {
            this.opts.logger.error('Server rejected event (will not retry!)', err, { reason: ev.reason });
            this.queue.shift();
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async send(ev: Pending): Promise<void> {
    const ns = ev.involved.namespace || 'default';
    const when = rfc3339(ev.at);
    const prior = this.sent.get(ev.key);
    if (prior) {
      try {
        await this.opts.api.patchEvent(prior.namespace, prior.name, { count: prior.count + 1, lastTimestamp: when });
        prior.count++;
        return;
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
        this.sent.delete(ev.key);
      }
    }
    const name = `${ev.involved.name ?? 'unknown'}.${(BigInt(ev.at) * 1_000_000n + BigInt(this.sent.size % 1000)).toString(16)}`;
    await this.opts.api.createEvent(ns, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: ev.involved,
      reason: ev.reason,
      message: ev.message,
      source: { component: this.opts.component, host: this.opts.host },
      firstTimestamp: when,
      lastTimestamp: when,
      count: 1,
      type: ev.type,
      eventTime: null,
      reportingComponent: this.opts.component,
      reportingInstance: this.opts.host,
    });
    this.sent.set(ev.key, { name, namespace: ns, count: 1, first: when });
    if (this.sent.size > 4096) {
      const oldest = this.sent.keys().next().value;
      if (oldest !== undefined) this.sent.delete(oldest);
    }
  }
}

/** The reference events about a pod (or one of its containers) carry. */
export function podRef(pod: { metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string } }, container?: string): ObjectReference {
  const r: ObjectReference = {
    kind: 'Pod',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name,
    uid: pod.metadata?.uid,
    apiVersion: 'v1',
  };
  if (pod.metadata?.resourceVersion) r.resourceVersion = pod.metadata.resourceVersion;
  if (container) r.fieldPath = `spec.containers{${container}}`;
  return r;
}
