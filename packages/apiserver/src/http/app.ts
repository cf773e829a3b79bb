/**
 * The Express application: authentication, then health and version (public), discovery and
 * OpenAPI, and resource requests. Upgrades (exec) are handled in upgrade-handler.ts, since
 * Express never sees them.
 */
import express from 'express';
import type { Request, Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { authorizeOrThrow, dispatchResource } from './api-dispatch.js';
import { serveDiscovery } from './discovery-routes.js';
import type { ServerDeps } from './handler-context.js';
import type { HealthCheck } from './health-routes.js';
import { isHealthPath, isPublicPath, serveHealth } from './health-routes.js';
import { parseRequestInfo } from './request-info.js';
import { writeError, writeJson } from './responses.js';
import { unauthorized } from '@kubelab/api';

export interface AppOptions {
  deps: ServerDeps;
  authenticator: Authenticator;
  healthChecks: HealthCheck[];
  /** host:port clients should use (legacy discovery's serverAddressByClientCIDRs). */
  serverAddress: string;
}

export function createApp(opts: AppOptions): express.Express {
  const { deps, authenticator } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);

  app.use((req: Request, res: Response) => {
    const url = new URL(req.originalUrl, 'https://apiserver');
    const path = url.pathname;
    const query = url.searchParams;
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
      if (info.isResourceRequest) {
        await dispatchResource(deps, req, res, info, query, user);
        return;
      }
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
