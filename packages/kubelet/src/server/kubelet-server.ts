/**
 * The kubelet's HTTP API (pkg/kubelet/server): HTTPS on address:port with client-certificate
 * and token authentication, /healthz, /pods, /containerLogs, /exec, /attach and /portForward;
 * plus the plain
 * HTTP healthz listener on healthzBindAddress:healthzPort. Built without side effects; listen()
 * starts both.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import { ApiError, noopLogger, realClock } from '@kubelab/api';
import { readCriLog } from '../logs/index.js';
import type { AuthFilterOptions } from './auth-filter.js';
import { authorizeKubeletRequest } from './auth-filter.js';
import { serveContainerLogs } from './container-logs-handler.js';
import { serveRemoteCommand, writeUpgradeApiError } from './exec-handler.js';
import { LOG_CHECK, PING_CHECK, serveHealthz } from './healthz.js';
import { writeJson, writeStatus } from './http-responses.js';
import type { HealthCheck, KubeletServerOptions } from './kubelet-server-options.js';
import { matchKubeletRoute } from './kubelet-routes.js';
import { servePortForward } from './port-forward-handler.js';

export interface KubeletServerAddresses {
  /** The bound HTTPS port (useful with port 0 in tests). */
  port: number;
  /** The bound healthz port, when enabled. */
  healthzPort: number | undefined;
}

export interface KubeletServer {
  listen(): Promise<KubeletServerAddresses>;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

class KubeletHttpServer implements KubeletServer {
  private readonly logger: Logger;
  private readonly auth: AuthFilterOptions;
  private readonly mainChecks: HealthCheck[];
  private readonly main: https.Server;
  private readonly healthz: http.Server | undefined;
  private readonly upgraded = new Set<Duplex>();

  constructor(private readonly opts: KubeletServerOptions) {
    this.logger = opts.logger ?? noopLogger;
    this.auth = {
      nodeName: opts.nodeName,
      x509: !!opts.clientCaPem,
      authenticateToken: opts.authenticateToken,
      anonymousAuth: opts.anonymousAuth,
      authorize: opts.authorize,
      logger: this.logger,
    };
    this.mainChecks = [PING_CHECK, LOG_CHECK, ...(opts.healthChecks ?? [])];
    this.main = https.createServer(
      {
        cert: opts.tls.certPem,
        key: opts.tls.keyPem,
        ...(opts.clientCaPem ? { ca: opts.clientCaPem, requestCert: true, rejectUnauthorized: false } : {}),
      },
      (req, res) => void this.handle(req, res),
    );
    this.main.requestTimeout = 0;
    this.main.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head));
    if (opts.healthzPort > 0) {
      this.healthz = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://kubelet');
        const route = matchKubeletRoute(req.method ?? 'GET', url.pathname);
        if (route.kind !== 'healthz') {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
          return;
        }
        serveHealthz(res, [PING_CHECK], { check: route.check, query: url.searchParams }, this.logger);
      });
    }
  }

  async listen(): Promise<KubeletServerAddresses> {
    const port = await listen(this.main, this.opts.port, this.opts.address);
    let healthzPort: number | undefined;
    if (this.healthz) healthzPort = await listen(this.healthz, this.opts.healthzPort, this.opts.healthzBindAddress);
    this.logger.info('Starting to listen', { address: this.opts.address, port });
    return { port, healthzPort };
  }

  async close(): Promise<void> {
    for (const s of this.upgraded) s.destroy();
    await Promise.all([closeServer(this.main), this.healthz ? closeServer(this.healthz) : Promise.resolve()]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://kubelet');
    const route = matchKubeletRoute(req.method ?? 'GET', url.pathname);
    try {
      if (route.kind === 'healthz') {
        serveHealthz(res, this.mainChecks, { check: route.check, query: url.searchParams }, this.logger);
        return;
      }
      await authorizeKubeletRequest(req, url.pathname, this.auth);
      switch (route.kind) {
        case 'pods':
          writeJson(res, { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: this.opts.getPods() });
          return;
        case 'containerLogs':
          await serveContainerLogs(res, { namespace: route.namespace, pod: route.pod, container: route.container }, url.searchParams, {
            resolveContainerLog: this.opts.resolveContainerLog,
            readLog: this.opts.readLog ?? readCriLog,
            clock: this.opts.clock ?? realClock,
            logger: this.logger,
          });
          return;
        case 'exec':
        case 'attach':
        case 'portForward':
          // proxyStream with upgradeRequired: a plain request cannot run a command or forward.
          throw new ApiError('BadRequest', 'Upgrade request required');
        case 'methodNotAllowed':
          throw new ApiError('MethodNotAllowed', '405: Method Not Allowed');
        case 'notFound':
          throw new ApiError('NotFound', '404 page not found');
      }
    } catch (err) {
      if (!(err instanceof ApiError)) this.logger.error('Request failed', err, { path: url.pathname });
      writeStatus(res, err);
    }
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    this.upgraded.add(socket);
    socket.on('close', () => this.upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'https://kubelet');
    const route = matchKubeletRoute(req.method ?? 'GET', url.pathname);
    try {
      await authorizeKubeletRequest(req, url.pathname, this.auth);
      if (route.kind === 'portForward') {
        if (!this.opts.portForward) throw new ApiError('NotFound', '404 page not found');
        const { kind: _, ...ref } = route;
        await servePortForward(req, socket, head, { ref, query: url.searchParams }, { portForward: this.opts.portForward, logger: this.logger });
        return;
      }
      if (route.kind !== 'exec' && route.kind !== 'attach') throw new ApiError('NotFound', '404 page not found');
      if (route.kind === 'attach' && !this.opts.attach) throw new ApiError('NotFound', '404 page not found');
      const { kind, ...ref } = route;
      await serveRemoteCommand(req, socket, head, { kind, ref, query: url.searchParams }, {
        exec: this.opts.exec,
        attach: this.opts.attach,
        logger: this.logger,
      });
    } catch (err) {
      if (!(err instanceof ApiError)) this.logger.error('Upgrade request failed', err, { path: url.pathname });
      writeUpgradeApiError(socket, err);
    }
  }
}

export function createKubeletServer(opts: KubeletServerOptions): KubeletServer {
  return new KubeletHttpServer(opts);
}
