/** tcpSocket probes (pkg/probe/tcp): success when a connection opens within the timeout,
 * failure with the dial error otherwise; the connection is closed at once. */
import { connect, type Socket } from 'node:net';
import type { Clock } from '@kubelab/api';
import { dialErrorMessage, joinHostPort } from './go-net-error.js';
import { failure, success, type ProbeOutcome } from './probe-outcome.js';
import { withTimeout } from './probe-timeout.js';

export interface TcpProbeRequest {
  host: string;
  port: number;
  timeoutMs: number;
}

/** Opens the connection (a seam for tests). */
export type Dialer = (host: string, port: number) => Socket;

const dialTcp: Dialer = (host, port) => connect({ host, port });

export async function runTcpProbe(clock: Clock, req: TcpProbeRequest, dial: Dialer = dialTcp): Promise<ProbeOutcome> {
  try {
    await withTimeout(
      clock,
      req.timeoutMs,
      (signal) =>
        new Promise<void>((resolve, reject) => {
          const socket = dial(req.host, req.port);
          const onAbort = (): void => {
            socket.destroy();
            reject(signal.reason);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          socket.once('connect', () => {
            signal.removeEventListener('abort', onAbort);
            socket.destroy();
            resolve();
          });
          socket.once('error', (err) => {
            signal.removeEventListener('abort', onAbort);
            reject(err);
          });
        }),
    );
    return success('');
  } catch (err) {
    return failure(dialErrorMessage(joinHostPort(req.host, req.port), req.host, err));
  }
}
