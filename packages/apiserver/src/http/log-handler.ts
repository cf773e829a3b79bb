/** GET pods/NAME/log: streamed from the kubelet, as text/plain. */
import type { Status } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import type { ApiRequest } from './handler-context.js';
import { findTarget, kubeletLogPath } from './pod-connect.js';

const REASONS: Record<number, ApiError['reason']> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  500: 'InternalError',
};

export async function handleLog(r: ApiRequest): Promise<void> {
  const target = findTarget(r.deps.registry, r.ctx.namespace ?? '', r.info.name, r.query.get('container'));
  if (!target.node) {
    // LogLocation: a pod without a node has no logs yet.
    r.res.writeHead(200, { 'Content-Type': 'text/plain' });
    r.res.end();
    return;
  }
  const abort = new AbortController();
  r.res.on('close', () => abort.abort());
  const upstream = await r.deps.kubelet.get(target.node, kubeletLogPath(target, r.query), abort.signal);
  const code = upstream.statusCode ?? 500;
  if (code !== 200) {
    const chunks: Buffer[] = [];
    for await (const c of upstream) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').trim();
    try {
      const status = JSON.parse(text) as { kind?: string; message?: string; reason?: ApiError['reason'] };
      if (status.kind === 'Status') throw ApiError.fromStatus(status as Partial<Status>, code);
    } catch (err) {
      if (err instanceof ApiError) throw err;
    }
    throw new ApiError(REASONS[code] ?? 'InternalError', text, { code });
  }
  r.res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  r.res.flushHeaders();
  upstream.on('data', (c: Buffer) => r.res.write(c));
  upstream.on('end', () => r.res.end());
  upstream.on('error', () => r.res.end());
}
