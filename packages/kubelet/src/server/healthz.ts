/**
 * /healthz as k8s.io/apiserver/pkg/server/healthz serves it: "ok", or with ?verbose one line per
 * check; a failing check makes it a 500 that withholds the reason; ?exclude=<name> skips a
 * check; /healthz/<name> runs one check.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '@kubelab/api';
import { writeText } from './http-responses.js';
import type { HealthCheck } from './kubelet-server-options.js';

export const PING_CHECK: HealthCheck = { name: 'ping', check: () => undefined };
export const LOG_CHECK: HealthCheck = { name: 'log', check: () => undefined };

function run(check: HealthCheck): string | undefined {
  try {
    return check.check();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function serveHealthz(
  res: ServerResponse,
  checks: HealthCheck[],
  request: { check?: string; query: URLSearchParams },
  logger: Logger,
): void {
  if (request.check !== undefined) {
    const one = checks.find((c) => c.name === request.check);
    if (!one) {
      writeText(res, 404, '404 page not found\n');
      return;
    }
    const failure = run(one);
    if (failure === undefined) writeText(res, 200, 'ok');
    else writeText(res, 500, `internal server error: ${failure}\n`);
    return;
  }
  const excluded = new Set(request.query.getAll('exclude').flatMap((v) => v.split(',')).filter((v) => v !== ''));
  let lines = '';
  const failed: string[] = [];
  for (const c of checks) {
    if (excluded.delete(c.name)) {
      lines += `[+]${c.name} excluded: ok\n`;
      continue;
    }
    const failure = run(c);
    if (failure === undefined) {
      lines += `[+]${c.name} ok\n`;
    } else {
      lines += `[-]${c.name} failed: reason withheld\n`;
      failed.push(c.name);
      logger.debug('Health check failed', { check: c.name, reason: failure });
    }
  }
  if (excluded.size > 0) {
    lines += `warn: some health checks cannot be excluded: no matches for ${[...excluded].map((e) => `"${e}"`).join(',')}\n`;
  }
  if (failed.length > 0) {
    writeText(res, 500, `${lines}healthz check failed\n`);
    return;
  }
  writeText(res, 200, request.query.has('verbose') ? `${lines}healthz check passed\n` : 'ok');
}
