/**
 * remotecommand over SPDY (createHTTPStreamStreams): after the 101, the client opens one
 * stream per channel, each tagged with a `streamtype` header (error, stdin, stdout, stderr,
 * resize). The command may run once every expected stream exists.
 */
import type { Readable, Writable } from 'node:stream';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import type { RemoteCommandOptions } from '../remote-command-options.js';
import { OrderedRemoteCommandStreams } from '../remote-command-streams.js';
import { TerminalSizeDecoder } from '../terminal-size-queue.js';
import { SpdyConnection } from './spdy-connection.js';
import type { SpdyProtocol } from './spdy-protocols.js';
import { RST_STATUS } from './spdy-frames.js';
import type { SpdyStream } from './spdy-stream.js';

type StreamType = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize';
const STREAM_TYPES = new Set<string>(['error', 'stdin', 'stdout', 'stderr', 'resize']);

/** remotecommand's DefaultStreamCreationTimeout. */
export const STREAM_CREATION_TIMEOUT_MS = 30_000;

export function expectedStreamTypes(opts: RemoteCommandOptions, protocol: SpdyProtocol): StreamType[] {
  const types: StreamType[] = ['error'];
  if (opts.stdin) types.push('stdin');
  if (opts.stdout) types.push('stdout');
  if (opts.stderr) types.push('stderr');
  if (opts.tty && protocol.resize) types.push('resize');
  return types;
}

export class SpdyRemoteCommand extends OrderedRemoteCommandStreams {
  readonly transport = 'spdy' as const;
  readonly stdin: Readable | undefined;
  readonly stdout: Writable | undefined;
  readonly stderr: Writable | undefined;
  private readonly errorStream: SpdyStream | undefined;

  constructor(
    private readonly connection: SpdyConnection,
    protocol: SpdyProtocol,
    tty: boolean,
    streams: Map<StreamType, SpdyStream>,
  ) {
    super(protocol.name, tty, protocol.jsonStatus ? 'json' : 'text');
    this.stdin = streams.get('stdin');
    this.stdout = streams.get('stdout');
    this.stderr = streams.get('stderr');
    this.errorStream = streams.get('error');
    const resize = streams.get('resize');
    if (resize) {
      const decoder = new TerminalSizeDecoder(this.resize);
      resize.on('data', (chunk: Buffer) => decoder.write(chunk));
    }
  }

  /** Called by acceptSpdyRemoteCommand when the socket is gone. */
  connectionClosed(): void {
    this.transportClosed();
  }

  protected async writeStatus(data: Buffer): Promise<void> {
    const s = this.errorStream;
    if (!s || s.aborted) return;
    await new Promise<void>((resolve) => {
      if (data.length > 0) s.write(data);
      s.end(() => resolve());
    });
  }

  protected closeTransport(): void {
    this.connection.close();
  }
}

export interface SpdyAcceptOptions {
  logger?: Logger;
  streamCreationTimeoutMs?: number;
}

/**
 * Runs the SPDY session on an upgraded socket (the 101 has been written) and resolves once the
 * client has opened every expected stream; rejects and drops the connection on a timeout.
 */
export function acceptSpdyRemoteCommand(
  socket: Duplex,
  head: Buffer,
  session: { opts: RemoteCommandOptions; protocol: SpdyProtocol },
  accept: SpdyAcceptOptions = {},
): Promise<SpdyRemoteCommand> {
  const expected = expectedStreamTypes(session.opts, session.protocol);
  const streams = new Map<StreamType, SpdyStream>();
  let result: SpdyRemoteCommand | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('timed out waiting for client to create streams'));
      socket.destroy();
    }, accept.streamCreationTimeoutMs ?? STREAM_CREATION_TIMEOUT_MS);
    const connection = new SpdyConnection(socket, head, {
      logger: accept.logger,
      onStream: (stream) => {
        const type = stream.header('streamtype') ?? '';
        if (result || !STREAM_TYPES.has(type) || streams.has(type as StreamType)) {
          accept.logger?.debug('Unexpected SPDY stream', { streamType: type });
          stream.reset(RST_STATUS.REFUSED_STREAM);
          return;
        }
        streams.set(type as StreamType, stream);
        if (expected.every((t) => streams.has(t))) {
          clearTimeout(timer);
          result = new SpdyRemoteCommand(connection, session.protocol, session.opts.tty, streams);
          resolve(result);
        }
      },
      onClose: () => {
        clearTimeout(timer);
        if (result) result.connectionClosed();
        else reject(new Error('connection closed before all streams were created'));
      },
    });
  });
}
