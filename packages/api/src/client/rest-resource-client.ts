/**
 * ResourceClient over the REST client: paths from the resource table, query parameters and
 * content types as client-go sends them.
 */
import type { Status } from '../errors.js';
import { resourcePath, type ResourceInfo } from '../resources.js';
import type { WatchEvent } from '../types/index.js';
import type { QueryValue } from './http-transport.js';
import type {
  DeleteOptions,
  KubeObject,
  ListOptions,
  ObjectList,
  PatchType,
  ResourceClient,
  WatchOptions,
  WriteOptions,
} from './resource-client.js';
import type { RestClient } from './rest-client.js';

export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

function writeQuery(o: WriteOptions | undefined): Record<string, QueryValue> {
  return {
    dryRun: o?.dryRun ? 'All' : undefined,
    fieldManager: o?.fieldManager,
    fieldValidation: o?.fieldValidation,
  };
}

export function createResourceClient<T extends KubeObject>(
  rest: RestClient,
  info: ResourceInfo,
  namespace?: string,
): ResourceClient<T> {
  const ns = info.namespaced ? namespace : undefined;
  const ctx = (name?: string): { resource: string; group: string; name?: string } =>
    name === undefined
      ? { resource: info.plural, group: info.group }
      : { resource: info.plural, group: info.group, name };

  /** Object paths need a namespace for namespaced resources: the client's, else the object's. */
  const objectPath = (name: string, objNs?: string, subresource?: string): string => {
    const where = ns ?? objNs;
    if (info.namespaced && !where) {
      throw new Error(`a namespace is required for ${info.plural} "${name}"`);
    }
    return resourcePath(info, {
      ...(where ? { namespace: where } : {}),
      name,
      ...(subresource ? { subresource } : {}),
    });
  };
  const collectionPath = (objNs?: string): string => {
    const where = ns ?? objNs;
    return resourcePath(info, where ? { namespace: where } : {});
  };
  const nameOf = (obj: T): string => {
    const name = obj.metadata?.name;
    if (!name) throw new Error(`${info.kind} has no metadata.name`);
    return name;
  };

  const client: ResourceClient<T> = {
    info,
    namespace: ns,
    get: async (name, o) =>
      rest.request<T>({
        method: 'GET',
        path: objectPath(name),
        query: { resourceVersion: o?.resourceVersion },
        context: ctx(name),
      }),
    list: async (o: ListOptions = {}) =>
      rest.request<ObjectList<T>>({
        method: 'GET',
        path: collectionPath(),
        query: {
          labelSelector: o.labelSelector,
          fieldSelector: o.fieldSelector,
          limit: o.limit,
          continue: o.continue,
          resourceVersion: o.resourceVersion,
          resourceVersionMatch: o.resourceVersionMatch,
        },
        context: ctx(),
      }),
    create: async (obj, o) =>
      rest.request<T>({
        method: 'POST',
        path: collectionPath(obj.metadata?.namespace),
        query: writeQuery(o),
        body: obj,
        context: ctx(),
      }),
    update: async (obj, o) =>
      rest.request<T>({
        method: 'PUT',
        path: objectPath(nameOf(obj), obj.metadata?.namespace),
        query: writeQuery(o),
        body: obj,
        context: ctx(nameOf(obj)),
      }),
    updateStatus: async (obj, o) =>
      rest.request<T>({
        method: 'PUT',
        path: objectPath(nameOf(obj), obj.metadata?.namespace, 'status'),
        query: writeQuery(o),
        body: obj,
        context: ctx(nameOf(obj)),
      }),
    patch: async (name, type, body, o) =>
      rest.request<T>({
        method: 'PATCH',
        path: objectPath(name, undefined, o?.subresource),
        query: { ...writeQuery(o), force: o?.force === undefined ? undefined : o.force },
        body,
        contentType: PATCH_CONTENT_TYPES[type],
        context: ctx(name),
      }),
    delete: async (name, o: DeleteOptions = {}) => {
      const body: Record<string, unknown> = {};
      if (o.gracePeriodSeconds !== undefined) body['gracePeriodSeconds'] = o.gracePeriodSeconds;
      if (o.preconditions) body['preconditions'] = o.preconditions;
      if (o.propagationPolicy) body['propagationPolicy'] = o.propagationPolicy;
      if (o.dryRun) body['dryRun'] = ['All'];
      return rest.request<T | Status>({
        method: 'DELETE',
        path: objectPath(name),
        body,
        context: ctx(name),
      });
    },
    watch: (o: WatchOptions = {}): AsyncIterable<WatchEvent<T>> =>
      rest.watch<T>({
        path: collectionPath(),
        query: {
          resourceVersion: o.resourceVersion,
          labelSelector: o.labelSelector,
          fieldSelector: o.fieldSelector,
          allowWatchBookmarks: o.allowWatchBookmarks,
          timeoutSeconds: o.timeoutSeconds,
        },
        ...(o.signal ? { signal: o.signal } : {}),
        context: ctx(),
      }),
  };
  return client;
}
