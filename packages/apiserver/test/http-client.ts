/** A raw HTTPS client for tests that need exact status codes and bodies. */
import https from 'node:https';
import type { TestCluster } from '../src/testing/test-cluster.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export function raw(
  c: TestCluster,
  method: string,
  path: string,
  opts: { body?: string | Buffer; contentType?: string; token?: string; accept?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.token ?? c.identities.admin.token}`,
  };
  if (opts.body !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(opts.body));
  }
  if (opts.accept) headers.accept = opts.accept;
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port: c.port, path, method, ca: c.caPem, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}
