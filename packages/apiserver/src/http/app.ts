/**
 * The request entry point. Resource requests (/api/<v>/..., /apis/<g>/<v>/...), the hot path,
 * go straight to the dispatcher; everything else (health, version, discovery, OpenAPI, errors
 * for unknown paths) is routed by Express. Upgrades (exec) are handled in upgrade-handler.ts,
 * since neither sees them. See docs/adr/0002-express-off-the-hot-path.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { Request, Response } from 'express';
import { unauthorized } from '@kubelab/api';
import type { Authenticator } from '../auth/authenticator.js';
import { authorizeOrThrow, dispatchResource } from './api-dispatch.js';
import { serveDiscovery } from './discovery-routes.js';
import type { ServerDeps } from './handler-context.js';
import type { HealthCheck } from './health-routes.js';
import { isHealthPath, isPublicPath, serveHealth } from './health-routes.js';
import { parseRequestInfo } from './request-info.js';
import { writeError, writeJson } from './responses.js';

export interface AppOptions {
  deps: ServerDeps;
  authenticator: Authenticator;
  healthChecks: HealthCheck[];
  /** host:port clients should use (legacy discovery's serverAddressByClientCIDRs). */
  serverAddress: string;
}

function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const i = url.indexOf('?');
  return i < 0
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, i), query: new URLSearchParams(url.slice(i + 1)) };
}

/** Health, version, discovery and OpenAPI, and the 401/403/404/405 answers around them. */
function createNonResourceApp(opts: AppOptions): express.Express {
  const { deps, authenticator } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  app.use((req: Request, res: Response) => {
    const { path, query } = splitUrl(req.originalUrl);
    const handle = async (): Promise<void> => {
      if (isHealthPath(path)) return serveHealth(res, path, query, opts.healthChecks);
      const user = authenticator.authenticate(req.headers.authorization);
      if (!user) {
        if (isPublicPath(path)) {
          serveDiscovery(req, res, path, opts.serverAddress);
          return;
        }
        throw unauthorized();
      }
      const info = parseRequestInfo(req.method, path, query);
      authorizeOrThrow(deps, { ...info, verb: req.method === 'GET' || req.method === 'HEAD' ? 'get' : req.method.toLowerCase() }, user);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        writeJson(res, 405, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server does not allow this method on the requested resource', reason: 'MethodNotAllowed', details: {}, code: 405 });
        return;
      }
      if (!serveDiscovery(req, res, path, opts.serverAddress)) {
        writeJson(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
      }
    };
    handle().catch((err: unknown) => writeError(res, err, deps.logger));
  });
  return app;
}

export function createRequestListener(opts: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { deps, authenticator } = opts;
  const app = createNonResourceApp(opts);
  return (req, res) => {
    const { path, query } = splitUrl(req.url ?? '/');
    const info = parseRequestInfo(req.method ?? 'GET', path, query);
    if (!info.isResourceRequest) {
      app(req, res);
      return;
    }
    const user = authenticator.authenticate(req.headers.authorization);
    if (!user) {
      writeError(res, unauthorized(), deps.logger);
      return;
    }
    dispatchResource(deps, req, res, info, query, user).catch((err: unknown) => writeError(res, err, deps.logger));
  };
}
