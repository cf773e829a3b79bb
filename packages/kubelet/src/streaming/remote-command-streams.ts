/**
 * The server side of a remotecommand connection (exec, attach), whatever the transport: the
 * streams the client asked for, its terminal resizes, and the final status. Both transports
 * share the ordering rules kept here: the status goes out after all output has been written,
 * and the connection closes after the status.
 */
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { StatusEncoding } from './remote-command-status.js';
import { encodeChannelStatus, exitCodeStatus, internalErrorStatus } from './remote-command-status.js';
import { TerminalSizeQueue } from './terminal-size-queue.js';

export type RemoteCommandTransport = 'websocket' | 'spdy';

export interface RemoteCommandStreams {
  readonly transport: RemoteCommandTransport;
  /** The negotiated subprotocol (WebSocket) or X-Stream-Protocol-Version (SPDY). */
  readonly protocol: string;
  readonly tty: boolean;
  /** Data from the client; ends on the client's EOF (v5 close signal, SPDY FIN) or disconnect. */
  readonly stdin: Readable | undefined;
  readonly stdout: Writable | undefined;
  readonly stderr: Writable | undefined;
  readonly resize: TerminalSizeQueue;
  /** Success for 0, NonZeroExitCode otherwise; ends stdout/stderr first. */
  sendStatus(exitCode: number, command: string[]): void;
  /** An InternalError status ("Internal error occurred: <message>"). */
  sendError(message: string): void;
  /** Ends the connection once everything queued has been written. */
  close(): void;
  /** Resolves when the connection has ended, from either side. */
  readonly closed: Promise<void>;
}

export abstract class OrderedRemoteCommandStreams implements RemoteCommandStreams {
  abstract readonly transport: RemoteCommandTransport;
  abstract readonly stdin: Readable | undefined;
  abstract readonly stdout: Writable | undefined;
  abstract readonly stderr: Writable | undefined;
  readonly resize = new TerminalSizeQueue();
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  private tail: Promise<void> = Promise.resolve();
  private statusSent = false;

  protected constructor(
    readonly protocol: string,
    readonly tty: boolean,
    private readonly statusEncoding: StatusEncoding,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  /** Writes the status bytes on the error channel and ends that channel. */
  protected abstract writeStatus(data: Buffer): Promise<void>;
  protected abstract closeTransport(): void;

  /** Called by the transport when the connection is gone. */
  protected transportClosed(): void {
    if (this.stdin && !this.stdin.readableEnded) this.stdin.push(null);
    this.resize.end();
    this.markClosed();
  }

  sendStatus(exitCode: number, command: string[]): void {
    this.enqueueStatus(encodeChannelStatus(exitCodeStatus(exitCode, command), this.statusEncoding));
  }

  sendError(message: string): void {
    this.enqueueStatus(encodeChannelStatus(internalErrorStatus(message), this.statusEncoding));
  }

  close(): void {
    this.enqueue(async () => {
      await this.finishOutput();
      this.closeTransport();
    });
  }

  private enqueueStatus(data: Buffer): void {
    if (this.statusSent) return;
    this.statusSent = true;
    this.enqueue(async () => {
      await this.finishOutput();
      await this.writeStatus(data);
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.tail = this.tail.then(step).catch(() => undefined);
  }

  private async finishOutput(): Promise<void> {
    for (const w of [this.stdout, this.stderr]) {
      if (!w || w.writableFinished || w.destroyed) continue;
      if (!w.writableEnded) w.end();
      await finished(w, { readable: false }).catch(() => undefined);
    }
  }
}
