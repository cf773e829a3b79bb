/**
 * The secure port of a control-plane component: /healthz, /livez and /readyz (and their
 * per-check paths) over HTTPS. Paths in --authorization-always-allow-paths need no
 * credentials; everything else is answered as the delegated authorizer answers an anonymous
 * request: 403 with a Status.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { noopLogger, type Logger } from '../logger.js';
import type { CertificateAndKey } from '../pki/certificate-authority.js';
import { healthResponse, LOG_CHECK, PING_CHECK, type HealthCheck } from './health-checks.js';

export interface HealthChecks {
  healthz?: HealthCheck[];
  livez?: HealthCheck[];
  readyz?: HealthCheck[];
}

export interface HealthServerOptions {
  bindAddress: string;
  /** 0 picks a free port. */
  port: number;
  tls: CertificateAndKey;
  checks: HealthChecks;
  alwaysAllowPaths?: string[];
  logger?: Logger;
}

export interface HealthServer {
  readonly address: string;
  readonly port: number;
  readonly serving: string;
  close(): Promise<void>;
}

const ROOTS = ['healthz', 'livez', 'readyz'] as const;

function allowed(path: string, allow: string[]): boolean {
  return allow.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path || path.startsWith(`${p}/`)));
}

function forbidden(res: ServerResponse, method: string, path: string): void {
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const body = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `forbidden: User "system:anonymous" cannot ${verb} path "${path}"`,
    reason: 'Forbidden',
    details: {},
    code: 403,
  };
  res.writeHead(403, { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${JSON.stringify(body)}\n`);
}

function handler(opts: HealthServerOptions, logger: Logger) {
  const allow = opts.alwaysAllowPaths ?? ['/healthz', '/readyz', '/livez'];
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const path = url.pathname;
    if (!allowed(path, allow)) return forbidden(res, req.method ?? 'GET', path);
    const [, root, only] = /^\/(healthz|livez|readyz)(?:\/(.+))?$/.exec(path) ?? [];
    const what = ROOTS.find((r) => r === root);
    const answer = what
      ? healthResponse(what, [PING_CHECK, LOG_CHECK, ...(opts.checks[what] ?? [])], only, url.searchParams.has('verbose'))
      : undefined;
    if (!answer) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('404 page not found\n');
      return;
    }
    if (answer.failures.length > 0) {
      logger.info(`${what ?? ''} check failed`, { failures: answer.failures.join('; ') });
    }
    res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(answer.body);
  };
}

export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const logger = opts.logger ?? noopLogger;
  const server: Server = createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, handler(opts, logger));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    address: addr.address,
    port: addr.port,
    /** The line upstream logs once it serves (after the component has started). */
    serving: `Serving securely on ${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
