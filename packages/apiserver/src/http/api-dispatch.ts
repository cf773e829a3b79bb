/**
 * Resource requests: find the resource in the table, authorize, build the request context and
 * hand over to the handler for the verb and subresource.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, findResource, forbidden, methodNotAllowed } from '@kubelab/api';
import type { ResourceInfo } from '@kubelab/api';
import type { AuthorizationAttributes } from '../auth/authorizer.js';
import { forbiddenReason } from '../auth/default-authorizer.js';
import type { FieldValidation, RequestContext, UserInfo } from '../registry/request-context.js';
import {
  handleAccessReview,
  handleSelfSubjectReview,
  handleSelfSubjectRulesReview,
  handleTokenReview,
} from './access-review-handlers.js';
import type { ApiRequest, ServerDeps } from './handler-context.js';
import { handleLog } from './log-handler.js';
import {
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handleGet,
  handleList,
  handlePatch,
  handleUpdate,
} from './object-handlers.js';
import type { RequestInfo } from './request-info.js';
import { handleBinding, handleEviction, handleScale } from './subresource-handlers.js';
import { handleWatch } from './watch-handler.js';

export function notFoundResource(): ApiError {
  return new ApiError('NotFound', 'the server could not find the requested resource', { details: {} });
}

export function authorizationAttributes(info: RequestInfo, user: UserInfo): AuthorizationAttributes {
  return {
    user,
    verb: info.verb,
    isResourceRequest: info.isResourceRequest,
    path: info.path,
    group: info.group,
    resource: info.resource,
    subresource: info.subresource,
    namespace: info.namespace,
    name: info.name,
  };
}

export function authorizeOrThrow(deps: ServerDeps, info: RequestInfo, user: UserInfo): void {
  const attrs = authorizationAttributes(info, user);
  const decision = deps.authorizer.authorize(attrs);
  if (decision.allowed) return;
  const res = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const gr = { group: info.group, resource: res };
  throw info.isResourceRequest
    ? forbidden(gr, info.name, forbiddenReason(attrs, decision.reason))
    : new ApiError('Forbidden', `forbidden: ${forbiddenReason(attrs, decision.reason)}`, { details: {} });
}

function requestContext(info: RequestInfo, resource: ResourceInfo, q: URLSearchParams, user: UserInfo): RequestContext {
  const dryRun = q.getAll('dryRun');
  for (const d of dryRun) if (d !== 'All') throw badRequest(`Invalid dry run value: ${d}`);
  const fv = q.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Strict' && fv !== 'Warn' && fv !== 'Ignore') {
    throw badRequest(`fieldValidation must be one of Ignore, Warn, or Strict, got ${fv}`);
  }
  return {
    user,
    namespace: resource.namespaced ? info.namespace || undefined : undefined,
    dryRun: dryRun.length > 0,
    fieldManager: q.get('fieldManager') ?? undefined,
    fieldValidation: fv as FieldValidation,
    warnings: [],
  };
}

export async function dispatchResource(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
  query: URLSearchParams,
  user: UserInfo,
): Promise<void> {
  const resource = findResource(info.group, info.version, info.resource);
  if (!resource || (info.namespace && !resource.namespaced)) throw notFoundResource();
  const sub = info.subresource ? resource.subresources.find((s) => s.name === info.subresource) : undefined;
  if (info.subresource && !sub) throw notFoundResource();
  if (info.parts.length > 3) throw notFoundResource();
  authorizeOrThrow(deps, info, user);
  const verbs = sub ? sub.verbs : resource.verbs;
  const verb = info.verb === 'watch' ? 'watch' : info.verb;
  if (!verbs.includes(verb as never) && !(sub && sub.name === 'log' && verb === 'get')) {
    throw methodNotAllowed(verb, { group: resource.group, resource: resource.plural });
  }
  if (resource.namespaced && !info.namespace && (info.name || verb === 'create' || verb === 'deletecollection')) {
    throw notFoundResource();
  }
  const r: ApiRequest = {
    req,
    res,
    info,
    query,
    resource,
    store: deps.registry.store(resource.group, resource.plural),
    ctx: requestContext(info, resource, query, user),
    deps,
  };
  if (!info.subresource) return dispatchMain(r);
  switch (info.subresource) {
    case 'status':
    case 'finalize':
      if (verb === 'get') return handleGet(r);
      if (verb === 'update') return handleUpdate(r, info.subresource);
      return handlePatch(r, info.subresource);
    case 'binding':
      return handleBinding(r, info.name);
    case 'eviction':
      return handleEviction(r);
    case 'scale':
      return handleScale(r);
    case 'log':
      return handleLog(r);
    case 'exec':
    case 'attach':
    case 'portforward':
      throw badRequest('Upgrade request required');
    default:
      throw notFoundResource();
  }
}

async function dispatchMain(r: ApiRequest): Promise<void> {
  const { resource } = r;
  if (resource.group === 'authorization.k8s.io') {
    if (resource.plural === 'selfsubjectrulesreviews') return handleSelfSubjectRulesReview(r);
    return handleAccessReview(r);
  }
  if (resource.group === 'authentication.k8s.io') {
    if (resource.plural === 'tokenreviews') return handleTokenReview(r);
    return handleSelfSubjectReview(r);
  }
  if (resource.group === '' && resource.plural === 'bindings') {
    // POST /api/v1/namespaces/ns/bindings: the pre-subresource way to bind a pod.
    return handleBinding(r, '');
  }
  switch (r.info.verb) {
    case 'get':
      return handleGet(r);
    case 'list':
      return handleList(r);
    case 'watch':
      return handleWatch(r);
    case 'create':
      return handleCreate(r);
    case 'update':
      return handleUpdate(r);
    case 'patch':
      return handlePatch(r);
    case 'delete':
      return handleDelete(r);
    case 'deletecollection':
      return handleDeleteCollection(r);
    default:
      throw methodNotAllowed(r.info.verb, { group: resource.group, resource: resource.plural });
  }
}
