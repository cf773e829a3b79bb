/**
 * grpc probes (pkg/probe/grpc): grpc.health.v1.Health/Check over cleartext HTTP/2 (h2c), the
 * HealthCheckRequest and HealthCheckResponse encoded by hand (one string field, one enum).
 * SERVING succeeds; other statuses, gRPC errors and timeouts fail with upstream's texts. As
 * grpc.WithBlock does, a connection that cannot be made is retried until the timeout.
 */
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import type { Clock } from '@kubelab/api';
import { goDurationSeconds, joinHostPort, ProbeTimeoutError } from './go-net-error.js';
import { failure, probeUserAgent, success, type ProbeOutcome } from './probe-outcome.js';
import { withTimeout } from './probe-timeout.js';

export interface GrpcProbeRequest {
  host: string;
  port: number;
  service: string;
  timeoutMs: number;
}

const SERVING_STATUS = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
const GRPC_CODES = [
  'OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists',
  'PermissionDenied', 'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange',
  'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated',
];
const UNIMPLEMENTED = 12;
const DEADLINE_EXCEEDED = 4;
const RECONNECT_MS = 1000;

/** HealthCheckRequest{service} in a gRPC length-prefixed frame. */
export function encodeHealthCheckRequest(service: string): Buffer {
  const name = Buffer.from(service, 'utf8');
  const msg = name.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from([0x0a]), varint(name.length), name]);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(msg.length, 1);
  return Buffer.concat([header, msg]);
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

/** The status enum (field 1) of a framed HealthCheckResponse; 0 when absent. */
export function decodeHealthCheckStatus(frame: Buffer): number {
  const msg = frame.subarray(5, 5 + frame.readUInt32BE(1));
  let i = 0;
  let status = 0;
  while (i < msg.length) {
    const tag = msg[i++] ?? 0;
    let value = 0;
    let shift = 0;
    if ((tag & 7) !== 0) break;
    for (;;) {
      const b = msg[i++] ?? 0;
      value |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) === 0 || i >= msg.length) break;
    }
    if (tag >> 3 === 1) status = value;
  }
  return status;
}

interface RpcReply {
  grpcStatus: number;
  grpcMessage: string;
  body: Buffer;
}

function connectOnce(authority: string, signal: AbortSignal): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(`http://${authority}`);
    const onAbort = (): void => {
      session.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    session.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(session);
    });
    session.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
}

function check(session: ClientHttp2Session, service: string, signal: AbortSignal): Promise<RpcReply> {
  return new Promise((resolve, reject) => {
    const stream = session.request(
      {
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: '/grpc.health.v1.Health/Check',
        'content-type': 'application/grpc',
        te: 'trailers',
        'user-agent': probeUserAgent(),
      },
      { signal },
    );
    const chunks: Buffer[] = [];
    let headers: Record<string, unknown> = {};
    stream.on('response', (h) => (headers = h));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('trailers', (t) => (headers = { ...headers, ...t }));
    stream.on('error', (err) => reject(signal.aborted ? signal.reason : err));
    stream.on('end', () =>
      resolve({
        grpcStatus: Number(headers['grpc-status'] ?? 2),
        grpcMessage: decodeURIComponent(String(headers['grpc-message'] ?? '')),
        body: Buffer.concat(chunks),
      }),
    );
    stream.end(encodeHealthCheckRequest(service));
  });
}

export async function runGrpcProbe(clock: Clock, req: GrpcProbeRequest): Promise<ProbeOutcome> {
  const addr = joinHostPort(req.host, req.port);
  const timeout = goDurationSeconds(Math.round(req.timeoutMs / 1000));
  let session: ClientHttp2Session | undefined;
  let connected = false;
  try {
    const reply = await withTimeout(clock, req.timeoutMs, async (signal) => {
      for (;;) {
        try {
          session = await connectOnce(addr, signal);
          break;
        } catch (err) {
          if (signal.aborted) throw err;
          await clock.sleep(RECONNECT_MS, signal).catch(() => {
            throw signal.reason;
          });
        }
      }
      connected = true;
      return check(session, req.service, signal);
    });
    if (reply.grpcStatus === UNIMPLEMENTED) {
      return failure(`error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${reply.grpcMessage}`);
    }
    if (reply.grpcStatus === DEADLINE_EXCEEDED) return failure(`timeout: health rpc did not complete within ${timeout}`);
    if (reply.grpcStatus !== 0) {
      const code = GRPC_CODES[reply.grpcStatus] ?? `Code(${reply.grpcStatus})`;
      return failure(`error: health rpc probe failed: rpc error: code = ${code} desc = ${reply.grpcMessage}`);
    }
    const status = reply.body.length >= 5 ? decodeHealthCheckStatus(reply.body) : 0;
    if (status !== 1) return failure(`service unhealthy (responded with ${JSON.stringify(SERVING_STATUS[status] ?? String(status))})`);
    return success('service healthy');
  } catch (err) {
    if (err instanceof ProbeTimeoutError) {
      return connected
        ? failure(`timeout: health rpc did not complete within ${timeout}`)
        : failure(`timeout: failed to connect service ${JSON.stringify(addr)} within ${timeout}: context deadline exceeded`);
    }
    const message = err instanceof Error ? err.message : String(err);
    return failure(`error: health rpc probe failed: ${message}`);
  } finally {
    (session as ClientHttp2Session | undefined)?.close();
  }
}
