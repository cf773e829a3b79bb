/**
 * Node socket errors in the words of Go's net and net/http packages, which is what probe
 * failure messages carry (`dial tcp 10.0.0.7:8080: connect: connection refused`).
 */

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
  EADDRNOTAVAIL: 'cannot assign requested address',
  EACCES: 'permission denied',
};

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: number | string): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

export class ProbeTimeoutError extends Error {
  constructor() {
    super('probe timed out');
    this.name = 'ProbeTimeoutError';
  }
}

/** The error of dialing tcp to addr (net.OpError text). */
export function dialErrorMessage(addr: string, host: string, err: unknown): string {
  if (err instanceof ProbeTimeoutError) return `dial tcp ${addr}: i/o timeout`;
  const e = err as NodeJS.ErrnoException & { hostname?: string };
  const code = e.code ?? '';
  const connect = CONNECT_ERRORS[code];
  if (connect) return `dial tcp ${addr}: connect: ${connect}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `dial tcp: lookup ${host}: no such host`;
  if (code === 'ETIMEDOUT') return `dial tcp ${addr}: i/o timeout`;
  return `dial tcp ${addr}: ${e.message}`;
}

export interface HttpErrorContext {
  url: string;
  addr: string;
  host: string;
  /** The connection was made (the error came later). */
  connected: boolean;
  /** Response headers had arrived (the error came while reading the body). */
  gotHeaders: boolean;
  localAddr?: string;
}

/** A *url.Error of http.Client.Do: `Get "<url>": <cause>`. */
export function httpClientErrorMessage(ctx: HttpErrorContext, err: unknown): string {
  return `Get ${JSON.stringify(ctx.url)}: ${httpCause(ctx, err)}`;
}

function httpCause(ctx: HttpErrorContext, err: unknown): string {
  if (err instanceof ProbeTimeoutError) {
    return ctx.gotHeaders
      ? 'context deadline exceeded (Client.Timeout or context cancellation while reading body)'
      : 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
  }
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  if (!ctx.connected) return dialErrorMessage(ctx.addr, ctx.host, err);
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) return 'http: server gave HTTP response to HTTPS client';
  if (code === 'ECONNRESET' && ctx.localAddr) {
    return `read tcp ${ctx.localAddr}->${ctx.addr}: read: connection reset by peer`;
  }
  if (code === 'ECONNRESET' || e.message === 'socket hang up') return 'EOF';
  return e.message;
}

/** time.Duration's String() for whole seconds: 1s, 1m0s, 1h0m0s. */
export function goDurationSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
