/**
 * remotecommand over one WebSocket (wsstream.Conn as the kubelet opens it): stdin on channel 0,
 * stdout 1, stderr 2, the status on 3, resize on 4, and with v5 the close signal on 255.
 */
import { Readable, Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { RemoteCommandOptions } from '../remote-command-options.js';
import { OrderedRemoteCommandStreams } from '../remote-command-streams.js';
import { TerminalSizeDecoder } from '../terminal-size-queue.js';
import type { ChannelProtocol } from './channel-protocols.js';
import {
  CLOSE_CHANNEL,
  decodeChannelMessage,
  encodeChannelMessage,
  ERROR_CHANNEL,
  RESIZE_CHANNEL,
  STDERR_CHANNEL,
  STDIN_CHANNEL,
  STDOUT_CHANNEL,
} from './channel-protocols.js';

const OPEN = 1;

export class WebSocketRemoteCommand extends OrderedRemoteCommandStreams {
  readonly transport = 'websocket' as const;
  readonly stdin: Readable | undefined;
  readonly stdout: Writable | undefined;
  readonly stderr: Writable | undefined;
  private readonly sizes = new TerminalSizeDecoder(this.resize);

  constructor(
    private readonly ws: WebSocket,
    private readonly channels: ChannelProtocol,
    opts: RemoteCommandOptions,
  ) {
    super(channels.name, opts.tty, channels.jsonStatus ? 'json' : 'text');
    this.stdin = opts.stdin ? new Readable({ read: () => ws.resume() }) : undefined;
    this.stdout = opts.stdout ? this.channelWriter(STDOUT_CHANNEL) : undefined;
    this.stderr = opts.stderr ? this.channelWriter(STDERR_CHANNEL) : undefined;
    ws.on('message', (data, isBinary) => this.onMessage(toBuffer(data), isBinary));
    ws.on('close', () => this.transportClosed());
    ws.on('error', () => ws.terminate());
    // Tell the client the connection is established: an empty message on the lowest writable channel.
    const first = opts.stdout ? STDOUT_CHANNEL : opts.stderr ? STDERR_CHANNEL : ERROR_CHANNEL;
    void this.send(first, Buffer.alloc(0));
  }

  protected writeStatus(data: Buffer): Promise<void> {
    // The pre-v4 protocols say nothing on success.
    return data.length > 0 ? this.send(ERROR_CHANNEL, data) : Promise.resolve();
  }

  protected closeTransport(): void {
    if (this.ws.readyState === OPEN) this.ws.close(1000);
  }

  private onMessage(message: Buffer, isBinary: boolean): void {
    if (isBinary === this.channels.base64) return;
    const msg = decodeChannelMessage(this.channels, message);
    if (!msg) return;
    if (msg.channel === STDIN_CHANNEL && this.stdin && !this.stdin.readableEnded) {
      if (msg.data.length > 0 && !this.stdin.push(msg.data)) this.ws.pause();
    } else if (msg.channel === RESIZE_CHANNEL && this.tty) {
      this.sizes.write(msg.data);
    } else if (msg.channel === CLOSE_CHANNEL && this.channels.closeSignal) {
      if (msg.data[0] === STDIN_CHANNEL && this.stdin && !this.stdin.readableEnded) this.stdin.push(null);
    }
  }

  private channelWriter(channel: number): Writable {
    return new Writable({
      write: (chunk: Buffer, _enc, cb) => {
        this.send(channel, chunk).then(() => cb(), () => cb());
      },
    });
  }

  private send(channel: number, data: Buffer): Promise<void> {
    if (this.ws.readyState !== OPEN) return Promise.resolve();
    const frame = encodeChannelMessage(this.channels, channel, data);
    return new Promise((resolve) => {
      this.ws.send(frame, { binary: !this.channels.base64 }, () => resolve());
    });
  }
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
