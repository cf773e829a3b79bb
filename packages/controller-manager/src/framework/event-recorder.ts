/**
 * Events as client-go's legacy recorder writes them: `<name>.<hex nanoseconds>` in the object's
 * namespace (`default` for cluster-scoped objects), count 1, and repeats of the same event
 * folded into the first one by raising its count (the EventCorrelator's aggregation, simplified).
 */
import {
  groupVersion,
  rfc3339,
  type Clock,
  type Event,
  type Logger,
  type ObjectReference,
  type ResourceInfo,
} from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';
import type { ClientSet } from './client-set.js';
import { EVENTS } from './resources.js';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  event(ref: ObjectReference, type: EventType, reason: string, message: string): void;
}

export function objectReference(info: ResourceInfo, obj: KubeObject): ObjectReference {
  const ref: ObjectReference = {
    kind: info.kind,
    apiVersion: groupVersion(info),
    name: obj.metadata?.name ?? '',
  };
  if (obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
  if (obj.metadata?.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}

export interface ApiEventRecorderOptions {
  clients: ClientSet;
  component: string;
  clock: Clock;
  logger: Logger;
}

export class ApiEventRecorder implements EventRecorder {
  private readonly seen = new Map<string, { name: string; namespace: string; count: number }>();

  constructor(private readonly opts: ApiEventRecorderOptions) {}

  event(ref: ObjectReference, type: EventType, reason: string, message: string): void {
    void this.write(ref, type, reason, message).catch((err: unknown) => {
      this.opts.logger.error('Server rejected event (will not retry!)', err, { reason });
    });
  }

  private async write(ref: ObjectReference, type: EventType, reason: string, message: string): Promise<void> {
    const now = this.opts.clock.now();
    const namespace = ref.namespace || 'default';
    const client = this.opts.clients.resource<Event>(EVENTS, namespace);
    const key = [ref.kind, namespace, ref.name, ref.uid, type, reason, message].join('\u0000');
    const prior = this.seen.get(key);
    if (prior) {
      prior.count++;
      await client.patch(prior.name, 'merge', { count: prior.count, lastTimestamp: rfc3339(now) });
      return;
    }
    const name = `${ref.name}.${(BigInt(Math.floor(now)) * 1_000_000n).toString(16)}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: { component: this.opts.component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      reportingComponent: this.opts.component,
      reportingInstance: '',
    };
    if (this.seen.size > 4096) this.seen.clear();
    this.seen.set(key, { name, namespace, count: 1 });
    await client.create(event);
  }
}

/** Discards events. */
export const noopEventRecorder: EventRecorder = { event: () => {} };
