/**
 * The PortForwarder the streaming handlers drive (portforward.PortForwarder): copy between a
 * client's data stream and a port of the pod. The TCP implementation dials the pod from the
 * node; the client's end of data half-closes the pod connection, and the forward is over when
 * the pod's side has ended and all it sent is on its way to the client (or the client is gone).
 */
import type { Duplex } from 'node:stream';
import { dialTcp } from './tcp-dialer.js';

export interface PortForwarder {
  /** The pod as error messages name it. */
  readonly podName: string;
  readonly uid: string;
  /** Resolves when forwarding is done; rejects with the dial or copy error. */
  portForward(port: number, stream: Duplex): Promise<void>;
}

export interface TcpPortForwarderOptions {
  podName: string;
  uid: string;
  /** The pod's IP (the node's for hostNetwork pods). */
  host: string;
  /** Defaults to a plain TCP connection. */
  dial?: (host: string, port: number) => Promise<Duplex>;
}

export function createTcpPortForwarder(opts: TcpPortForwarderOptions): PortForwarder {
  const dial = opts.dial ?? dialTcp;
  return {
    podName: opts.podName,
    uid: opts.uid,
    portForward: async (port, stream) => relay(stream, await dial(opts.host, port)),
  };
}

/**
 * Copies both ways between the client's stream and the pod's socket. Resolves once the pod has
 * ended its side and the stream is ended after its data, or when the client's stream is reset
 * or closed; rejects on a socket error (ECONNRESET, EPIPE, ...). The socket is always released.
 */
export function relay(stream: Duplex, socket: Duplex): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error): void => {
      if (settled) return;
      settled = true;
      stream.unpipe(socket);
      socket.unpipe(stream);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.on('error', settle);
    stream.on('error', () => settle());
    stream.once('aborted', () => settle());
    stream.once('close', () => settle());
    socket.once('end', () => {
      if (stream.writableEnded || stream.destroyed) settle();
      else stream.end(() => settle());
    });
    // The client's end of data (SPDY FIN) half-closes the pod connection.
    stream.pipe(socket);
    socket.pipe(stream, { end: false });
  });
}
