/**
 * A plain HTTPS client for the lab's API server, from the lab's admin kubeconfig (server, CA,
 * bearer token): JSON requests and line-delimited watch streams, nothing else in between.
 */
import { readFile } from 'node:fs/promises';
import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { parse } from 'yaml';
import { wallNow } from './kubelet-timing.js';

interface Kubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { user: { token: string } }[];
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface WatchEvent<T> {
  type: string;
  object: T;
  receivedMs: number;
}

export class BenchApiClient {
  private readonly agent: Agent;

  private constructor(
    private readonly server: URL,
    ca: string,
    private readonly token: string,
  ) {
    this.agent = new Agent({ ca, keepAlive: true, maxSockets: 16 });
  }

  static async fromKubeconfig(path: string): Promise<BenchApiClient> {
    const kc = parse(await readFile(path, 'utf8')) as Kubeconfig;
    const cluster = kc.clusters[0]?.cluster;
    const token = kc.users[0]?.user.token;
    if (!cluster || !token) throw new Error(`${path}: no cluster or token`);
    return new BenchApiClient(
      new URL(cluster.server),
      Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
      token,
    );
  }

  /** One JSON request; rejects on connection errors only (any HTTP status resolves). */
  request<T>(
    method: string,
    path: string,
    body?: unknown,
    opts: { fresh?: boolean; timeoutMs?: number } = {},
  ): Promise<ApiResponse<T>> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(this.options(method, path, payload, opts.fresh), (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON (e.g. /readyz says "ok")
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
        res.on('error', reject);
      });
      req.setTimeout(opts.timeoutMs ?? 30_000, () =>
        req.destroy(new Error(`${method} ${path} timed out`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Throws unless the status is 2xx. */
  async expectOk<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, path, body);
    if (r.status < 200 || r.status > 299)
      throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /**
   * A watch (path must carry ?watch=1...): each event with the time it was read. Resolves once
   * the server answered with 200; `done` settles when the stream ends.
   */
  watch<T>(
    path: string,
    onEvent: (e: WatchEvent<T>) => void,
  ): Promise<{ close: () => void; done: Promise<void> }> {
    return new Promise((resolve, reject) => {
      const req = request(this.options('GET', path, undefined, true), (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`watch ${path}: ${res.statusCode}`));
          return;
        }
        let buffered = '';
        res.on('data', (chunk: Buffer) => {
          const receivedMs = wallNow();
          buffered += chunk.toString('utf8');
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line) {
              const e = JSON.parse(line) as { type: string; object: T };
              onEvent({ type: e.type, object: e.object, receivedMs });
            }
          }
        });
        const done = new Promise<void>((r) => {
          res.on('end', r);
          res.on('close', r);
          res.on('error', () => r());
        });
        resolve({ close: () => req.destroy(), done });
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private options(
    method: string,
    path: string,
    payload: string | undefined,
    fresh = false,
  ): RequestOptions {
    return {
      host: this.server.hostname,
      port: this.server.port,
      method,
      path,
      // A fresh connection for watches and for "is it answering" checks after a restart.
      agent: fresh ? new Agent({ ca: this.agent.options.ca, keepAlive: false }) : this.agent,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/json',
        ...(payload !== undefined
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {}),
      },
    };
  }
}
