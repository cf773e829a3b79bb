/** /healthz, /livez, /readyz (and their per-check paths): open to everyone. */
import type { ServerResponse } from 'node:http';

export interface HealthCheck {
  name: string;
  check(): string | undefined; // undefined: healthy; text: why not
}

export const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];

export function isHealthPath(path: string): boolean {
  return HEALTH_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

export function isPublicPath(path: string): boolean {
  return isHealthPath(path) || path === '/version' || path === '/version/';
}

export function serveHealth(res: ServerResponse, path: string, query: URLSearchParams, checks: HealthCheck[]): void {
  const root = HEALTH_PATHS.find((p) => path === p || path.startsWith(`${p}/`)) ?? '/healthz';
  const only = path.slice(root.length + 1);
  const all: HealthCheck[] = [{ name: 'ping', check: () => undefined }, { name: 'log', check: () => undefined }, ...checks];
  const selected = only ? all.filter((c) => c.name === only) : all;
  if (only && selected.length === 0) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
    return;
  }
  const lines: string[] = [];
  let failed = false;
  for (const c of selected) {
    const why = c.check();
    if (why === undefined) lines.push(`[+]${c.name} ok`);
    else {
      failed = true;
      lines.push(`[-]${c.name} failed: ${why}`);
    }
  }
  const what = root.slice(1);
  let body: string;
  if (query.has('verbose') || failed) {
    body = `${lines.join('\n')}\n${failed ? `${what} check failed` : `${what} check passed`}\n`;
  } else body = 'ok';
  res.writeHead(failed ? 500 : 200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
