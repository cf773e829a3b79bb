/** What every API handler gets: the registry, collaborators and the parsed request. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Logger, ResourceInfo } from '@kubelab/api';
import type { Authenticator } from '../auth/authenticator.js';
import type { Authorizer } from '../auth/authorizer.js';
import type { GenericStore } from '../registry/generic-store.js';
import type { Registry } from '../registry/registry.js';
import type { RequestContext } from '../registry/request-context.js';
import type { KubeletConnector } from './kubelet-connector.js';
import type { RequestInfo } from './request-info.js';

export interface ServerDeps {
  registry: Registry;
  authenticator: Authenticator;
  authorizer: Authorizer;
  clock: Clock;
  logger: Logger;
  kubelet: KubeletConnector;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (upstream: about a minute). */
  bookmarkIntervalMs: number;
  /** Watches without timeoutSeconds end after a random time in [min, 2*min) (--min-request-timeout). */
  minRequestTimeoutSeconds: number;
}

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  resource: ResourceInfo;
  /** Undefined for virtual resources (reviews, bindings). */
  store: GenericStore | undefined;
  ctx: RequestContext;
  deps: ServerDeps;
}
