/**
 * A TCP connection to a port of a pod, from the node: the pod's IP on the cluster network (the
 * node's own IP for hostNetwork pods). Failures read as Go's net.Dial errors
 * ("dial tcp 10.244.0.5:8080: connect: connection refused"), which is what users see upstream.
 */
import net from 'node:net';

const SYSCALL_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connect: connection refused',
  EHOSTUNREACH: 'connect: no route to host',
  ENETUNREACH: 'connect: network is unreachable',
  EADDRNOTAVAIL: 'connect: cannot assign requested address',
  ETIMEDOUT: 'i/o timeout',
};

export class DialError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'DialError';
  }
}

export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go's text for a failed dial of host:port. */
export function dialErrorMessage(host: string, port: number, err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  const text = typeof code === 'string' ? SYSCALL_TEXT[code] : undefined;
  return `dial tcp ${hostPort(host, port)}: ${text ?? (err instanceof Error ? err.message : String(err))}`;
}

export interface DialOptions {
  /** Give up connecting after this long (default 30 s, net.Dialer's usual timeout). */
  timeoutMs?: number;
}

export function dialTcp(host: string, port: number, opts: DialOptions = {}): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (err: unknown): void => {
      socket.destroy();
      const code = (err as { code?: unknown } | undefined)?.code;
      reject(new DialError(dialErrorMessage(host, port, err), typeof code === 'string' ? code : undefined));
    };
    socket.setTimeout(opts.timeoutMs ?? 30_000, () => fail(Object.assign(new Error('i/o timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      socket.setTimeout(0);
      resolve(socket);
    });
  });
}
