/**
 * Port forwarding over a SPDY session (portforward/httpstream.go), on a raw upgraded socket or
 * on a WebSocket tunnel: streams are validated as they arrive, paired by request ID, and each
 * complete pair forwards one connection to its port. A failure is written on the pair's error
 * stream as a portForwardErrResponse; both streams are then closed. A pair still missing its
 * second stream after the creation timeout gets a timeout message instead.
 */
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import { noopLogger } from '@kubelab/api';
import { SpdyConnection } from '../spdy/spdy-connection.js';
import type { SpdyStream } from '../spdy/spdy-stream.js';
import { encodeGoJson, portForwardErrorResponse } from './port-forward-error.js';
import { portForwardStreamRejection } from './port-forward-options.js';
import type { PortForwardStreamType } from './port-forward-protocols.js';
import { PORT_HEADER, REQUEST_ID_HEADER, STREAM_TYPE_HEADER } from './port-forward-protocols.js';
import type { PortForwarder } from './port-forwarder.js';
import type { StreamPair } from './stream-pairs.js';
import { StreamPairs, streamRequestId } from './stream-pairs.js';

/** The kubelet's default stream creation timeout (remotecommand.DefaultStreamCreationTimeout). */
export const PORT_FORWARD_STREAM_CREATION_TIMEOUT_MS = 30_000;

export interface SpdyPortForwardOptions {
  logger?: Logger;
  streamCreationTimeoutMs?: number;
  /** Names the connection in messages (the client's address). */
  connectionName?: string;
}

function printError(pair: StreamPair<SpdyStream>, message: string, end = false): void {
  const s = pair.error;
  if (!s || s.aborted || s.writableEnded) return;
  s.write(message);
  if (end) s.end();
}

async function forward(pair: Required<StreamPair<SpdyStream>>, forwarder: PortForwarder, logger: Logger): Promise<void> {
  const { data, error } = pair;
  const port = Number(data.header(PORT_HEADER));
  // The client writes nothing on its error stream (it ends it at once).
  error.resume();
  try {
    await forwarder.portForward(port, data);
  } catch (err) {
    const response = portForwardErrorResponse(err, { podName: forwarder.podName, uid: forwarder.uid, port });
    logger.error('Port forwarding failed', err, { request: pair.requestId, port });
    if (!error.aborted) error.write(encodeGoJson(response));
  } finally {
    if (!error.writableEnded) error.end();
    if (!data.writableEnded) data.end();
  }
}

/** Serves port-forward streams until the session ends. */
export function serveSpdyPortForward(socket: Duplex, head: Buffer, forwarder: PortForwarder, opts: SpdyPortForwardOptions = {}): Promise<void> {
  const logger = opts.logger ?? noopLogger;
  const timeoutMs = opts.streamCreationTimeoutMs ?? PORT_FORWARD_STREAM_CREATION_TIMEOUT_MS;
  const pairs = new StreamPairs<SpdyStream>();
  const timers = new Map<string, NodeJS.Timeout>();
  return new Promise((resolve) => {
    new SpdyConnection(socket, head, {
      logger,
      rejectStream: portForwardStreamRejection,
      onStream: (stream) => {
        const type = stream.header(STREAM_TYPE_HEADER) as PortForwardStreamType;
        const requestId = streamRequestId(stream.header(REQUEST_ID_HEADER), type, stream.id);
        const added = pairs.add(requestId, type, stream);
        if (added.created) {
          const timer = setTimeout(() => {
            timers.delete(requestId);
            pairs.remove(requestId);
            const message = `(conn=${opts.connectionName ?? 'spdy'}, request=${requestId}) timed out waiting for streams`;
            logger.error('Port forward streams incomplete', new Error(message));
            printError(added.pair, message, true);
          }, timeoutMs);
          timer.unref();
          timers.set(requestId, timer);
        }
        if ('error' in added) {
          const message = `error processing stream for request ${requestId}: ${added.error}`;
          logger.error('Port forward stream refused', new Error(message));
          printError(added.pair, message);
          return;
        }
        if (!added.complete) return;
        clearTimeout(timers.get(requestId));
        timers.delete(requestId);
        pairs.remove(requestId);
        void forward(added.pair as Required<StreamPair<SpdyStream>>, forwarder, logger);
      },
      onClose: () => {
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
        resolve();
      },
    });
  });
}
