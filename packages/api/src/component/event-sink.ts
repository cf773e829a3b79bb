/** Where an EventRecorder writes: core/v1 events through the REST client (client-go EventSinkImpl). */
import type { RestClient } from '../client/rest-client.js';
import type { ResourceClient } from '../client/resource-client.js';
import { findResource } from '../resources.js';
import type { Event } from '../types/index.js';

export interface EventSink {
  create(event: Event): Promise<Event>;
  /** A strategic merge patch of count, lastTimestamp and message on an existing event. */
  patch(event: Event, body: object): Promise<Event>;
}

export function createApiEventSink(rest: RestClient): EventSink {
  const info = findResource('', 'v1', 'events');
  if (!info) throw new Error('events are not in the resource table');
  const clients = new Map<string, ResourceClient<Event>>();
  const inNamespace = (ns: string): ResourceClient<Event> => {
    let c = clients.get(ns);
    if (!c) {
      c = rest.resource<Event>(info, ns);
      clients.set(ns, c);
    }
    return c;
  };
  return {
    create: (e) => inNamespace(e.metadata?.namespace ?? 'default').create(e),
    patch: (e, body) => inNamespace(e.metadata?.namespace ?? 'default').patch(e.metadata?.name ?? '', 'strategic', body),
  };
}
