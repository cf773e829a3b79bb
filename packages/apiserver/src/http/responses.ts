/** Writing objects and Status errors, the way the apiserver answers. */
import type { ServerResponse } from 'node:http';
import type { Logger } from '@kubelab/api';
import { ApiError, internalError } from '@kubelab/api';

function warningHeader(w: string): string {
  return `299 - ${JSON.stringify(w)}`;
}

export function writeJson(
  res: ServerResponse,
  code: number,
  body: string | Buffer | object,
  warnings: string[] = [],
): void {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length) headers.Warning = warnings.map(warningHeader);
  res.writeHead(code, headers);
  res.end(text);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return internalError(err);
}

export function writeError(res: ServerResponse, err: unknown, logger?: Logger): void {
  const apiErr = toApiError(err);
  if (apiErr.code >= 500) logger?.error('Request failed', err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeJson(res, apiErr.code, apiErr.toStatus());
}

/** {"kind":"Status","status":"Success"} with details, as answered for deletes and actions. */
export function successStatus(code: number, details?: Record<string, unknown>): object {
  const s: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
  if (details) s.details = details;
  if (code !== 200) s.code = code;
  return s;
}
