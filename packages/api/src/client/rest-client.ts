/**
 * The REST client: client-go's rest.RESTClient over one keep-alive connection pool. Every
 * request carries User-Agent, Accept (application/json unless asked otherwise) and, when the
 * connection has a token, `Authorization: Bearer <token>`. Requests time out (default 30 s,
 * 0 = never); watches never do.
 */
import type { IncomingMessage } from 'node:http';
import { basename, extname } from 'node:path';
import type { ApiError } from '../errors.js';
import { noopLogger, type Logger } from '../logger.js';
import type { ResourceInfo } from '../resources.js';
import type { ApiObject, WatchEvent } from '../types/index.js';
import type { ClusterConnection } from './cluster-connection.js';
import { createHttpTransport, type QueryValue } from './http-transport.js';
import type { KubeObject, ResourceClient } from './resource-client.js';
import { errorFromResponse, type RequestContext } from './response-error.js';
import { createResourceClient } from './rest-resource-client.js';
import { decodeWatchStream } from './watch-stream.js';

export interface RestClientOptions {
  userAgent?: string;
  /** Default per-request timeout in milliseconds; 0 disables it. Default 30000. */
  timeoutMs?: number;
  logger?: Logger;
}

export interface RequestOptions {
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  /** Objects and arrays are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Overrides the client's timeout for this request; 0 disables it. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Names the target in errors built from non-Status bodies. */
  context?: Omit<RequestContext, 'verb'>;
}

export interface WatchRequest {
  path: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  context?: Omit<RequestContext, 'verb'>;
}

export interface RestClient {
  readonly connection: ClusterConnection;
  /** Resolves with the parsed JSON body (a string for non-JSON bodies, undefined if empty). */
  request<R = unknown>(opts: RequestOptions & { stream?: false }): Promise<R>;
  /** Resolves once a 2xx response has arrived, with the body still to be read (logs). */
  request(opts: RequestOptions & { stream: true }): Promise<IncomingMessage>;
  watch<T>(req: WatchRequest): AsyncIterable<WatchEvent<T>>;
  resource<T extends KubeObject = ApiObject>(
    info: ResourceInfo,
    namespace?: string,
  ): ResourceClient<T>;
  /** Closes idle keep-alive connections and refuses to reuse the pool. */
  close(): void;
}

const GO_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386' };

/** client-go's DefaultKubernetesUserAgent: `<binary>/<version> (<os>/<arch>) kubernetes/<commit>`. */
export function defaultUserAgent(binary?: string, version = 'v0.0.0', commit = '$Format'): string {
  const script = process.argv[1] ?? 'node';
  const name = binary ?? basename(script, extname(script));
  return `${name}/${version} (${process.platform}/${GO_ARCH[process.arch] ?? process.arch}) kubernetes/${commit}`;
}

async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function encodeBody(body: unknown): string | Buffer | undefined {
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return body;
  return JSON.stringify(body);
}

function timeoutError(method: string, url: URL): Error & { code: string } {
  const op = method.charAt(0) + method.slice(1).toLowerCase();
  return Object.assign(
    new Error(
      `${op} "${url.href}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    ),
    { code: 'ETIMEDOUT' },
  );
}

export function createRestClient(
  conn: ClusterConnection,
  opts: RestClientOptions = {},
): RestClient {
  const transport = createHttpTransport(conn);
  const logger = opts.logger ?? noopLogger;
  const userAgent = opts.userAgent ?? defaultUserAgent();
  const defaultTimeout = opts.timeoutMs ?? 30_000;

  const headers = (accept: string, contentType?: string): Record<string, string> => {
    const h: Record<string, string> = { 'User-Agent': userAgent, Accept: accept };
    if (conn.token) h['Authorization'] = `Bearer ${conn.token}`;
    if (contentType) h['Content-Type'] = contentType;
    return h;
  };

  async function send(o: RequestOptions, stream: boolean): Promise<IncomingMessage | unknown> {
    const url = transport.url(o.path, o.query);
    const body = encodeBody(o.body);
    const timeoutMs = o.timeoutMs ?? defaultTimeout;
    const timer = new AbortController();
    const timeout =
      timeoutMs > 0
        ? setTimeout(() => timer.abort(timeoutError(o.method, url)), timeoutMs)
        : undefined;
    const signal = o.signal ? AbortSignal.any([o.signal, timer.signal]) : timer.signal;
    const started = Date.now();
    try {
      const contentType = body === undefined ? undefined : (o.contentType ?? 'application/json');
      const res = await transport.send({
        method: o.method,
        path: o.path,
        ...(o.query ? { query: o.query } : {}),
        headers: headers(o.accept ?? 'application/json', contentType),
        ...(body !== undefined ? { body } : {}),
        signal,
      });
      const code = res.statusCode ?? 0;
      logger.debug('Response', {
        verb: o.method,
        url: url.href,
        status: code,
        milliseconds: Date.now() - started,
      });
      const ok = code >= 200 && code < 300;
      if (stream && ok) return res;
      const data = await readAll(res);
      if (!ok) {
        throw errorFromResponse(code, res.headers['content-type'], data, {
          verb: o.method,
          ...o.context,
        });
      }
      if (data.length === 0) return undefined;
      const text = data.toString('utf8');
      if ((res.headers['content-type'] ?? '').includes('json')) return JSON.parse(text) as unknown;
      return text;
    } catch (err) {
      if (timer.signal.aborted && !o.signal?.aborted) throw timer.signal.reason as Error;
      throw err;
    } finally {
      clearTimeout(timeout);
    }
  }

  async function* watch<T>(req: WatchRequest): AsyncGenerator<WatchEvent<T>> {
    const { signal } = req;
    let res: IncomingMessage;
    try {
      res = await transport.send({
        method: 'GET',
        path: req.path,
        query: { ...req.query, watch: true },
        headers: headers('application/json'),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (signal?.aborted) return;
      throw err;
    }
    try {
      const code = res.statusCode ?? 0;
      if (code !== 200) {
        const data = await readAll(res);
        throw errorFromResponse(code, res.headers['content-type'], data, {
          verb: 'GET',
          ...req.context,
        });
      }
      yield* decodeWatchStream<T>(res);
    } catch (err) {
      if (signal?.aborted) return;
      throw err as Error | ApiError;
    } finally {
      res.destroy();
    }
  }

  const client: RestClient = {
    connection: conn,
    request: ((o: RequestOptions & { stream?: boolean }) =>
      send(o, o.stream === true)) as RestClient['request'],
    watch,
    resource: (info, namespace) => createResourceClient(client, info, namespace),
    close: () => transport.close(),
  };
  return client;
}
