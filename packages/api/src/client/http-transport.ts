/**
 * One keep-alive connection pool to one apiserver over Node's http/https: TLS trust from the
 * connection's CA (or none when insecure), client certificates, and connection failures
 * reported the way Go's net/http words them (`Get "https://...": <cause>`) with the errno
 * `code` preserved.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ClusterConnection } from './cluster-connection.js';

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: string;
  /** Path under the server URL, e.g. /api/v1/namespaces/default/pods. */
  path: string;
  query?: Record<string, QueryValue>;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Aborting destroys the request; a pending send rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface HttpTransport {
  send(req: HttpRequest): Promise<IncomingMessage>;
  url(path: string, query?: Record<string, QueryValue>): URL;
  close(): void;
}

export interface ConnectionError extends Error {
  code?: string;
}

/** Go's (*url.Error).Error(): `Get "https://host/path": <cause>`. */
export function connectionError(method: string, url: URL, cause: unknown): ConnectionError {
  const c = cause as NodeJS.ErrnoException;
  const op = method.charAt(0) + method.slice(1).toLowerCase();
  const err: ConnectionError = new Error(`${op} "${url.href}": ${c.message}`, { cause });
  if (c.code !== undefined) err.code = c.code;
  return err;
}

export function createHttpTransport(conn: ClusterConnection): HttpTransport {
  const base = new URL(conn.server);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({
        keepAlive: true,
        ...(conn.caData ? { ca: conn.caData } : {}),
        ...(conn.clientCertData ? { cert: conn.clientCertData } : {}),
        ...(conn.clientKeyData ? { key: conn.clientKeyData } : {}),
        rejectUnauthorized: !conn.insecureSkipTlsVerify,
      })
    : new HttpAgent({ keepAlive: true });
  const prefix = base.pathname.replace(/\/+$/, '');

  const url = (path: string, query?: Record<string, QueryValue>): URL => {
    const u = new URL(base.href);
    u.pathname = prefix + path;
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined) u.searchParams.set(k, String(v));
    }
    return u;
  };

  const send = (req: HttpRequest): Promise<IncomingMessage> => {
    const target = url(req.path, req.query);
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    return new Promise((resolve, reject) => {
      const issue = secure ? httpsRequest : httpRequest;
      const r = issue(target, { method: req.method, headers, agent }, resolve);
      r.on('error', (err) => {
        reject(req.signal?.aborted ? req.signal.reason : connectionError(req.method, target, err));
      });
      const signal = req.signal;
      if (signal) {
        const onAbort = (): void => void r.destroy();
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        r.on('close', () => signal.removeEventListener('abort', onAbort));
      }
      r.end(req.body);
    });
  };

  return { send, url, close: () => agent.destroy() };
}
