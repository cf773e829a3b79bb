import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExecSession } from '../runtime/container-runtime.js';
import { holdSessionOutput, serveExecSession } from './exec-session-bridge.js';
import type { RemoteCommandStreams } from './remote-command-streams.js';
import { TerminalSizeQueue } from './terminal-size-queue.js';

class FakeStreams implements RemoteCommandStreams {
  readonly transport = 'websocket' as const;
  readonly protocol = 'v5.channel.k8s.io';
  readonly tty = false;
  readonly resize = new TerminalSizeQueue();
  readonly events: string[] = [];
  readonly stdin = new PassThrough();
  readonly stdout: Writable;
  readonly stderr: Writable;
  closeConnection: () => void = () => undefined;
  readonly closed = new Promise<void>((resolve) => (this.closeConnection = resolve));

  constructor() {
    const writer = (name: string) =>
      new Writable({
        write: (c: Buffer, _e, cb) => {
          this.events.push(`${name}:${c.toString()}`);
          cb();
        },
      });
    this.stdout = writer('stdout');
    this.stderr = writer('stderr');
  }
  sendStatus(exitCode: number, command: string[]): void {
    this.events.push(`status:${exitCode}:${command.join(' ')}`);
  }
  sendError(message: string): void {
    this.events.push(`error:${message}`);
  }
  close(): void {
    this.events.push('close');
  }
}

function session(opts: { exit: Promise<number>; stdout?: string[]; stderr?: string[] }): ExecSession & { input: string[]; sizes: string[] } {
  const input: string[] = [];
  const sizes: string[] = [];
  const stdin = new Writable({
    write: (c: Buffer, _e, cb) => {
      input.push(c.toString());
      cb();
    },
  });
  stdin.on('finish', () => input.push('<eof>'));
  return {
    input,
    sizes,
    stdin,
    stdout: opts.stdout ? Readable.from(opts.stdout) : undefined,
    stderr: opts.stderr ? Readable.from(opts.stderr) : undefined,
    resize: (w, h) => {
      sizes.push(`${w}x${h}`);
      return Promise.resolve();
    },
    wait: () => opts.exit,
  };
}

describe('serveExecSession', () => {
  it('sends the exit code after all output, then closes', async () => {
    const streams = new FakeStreams();
    const s = session({ exit: Promise.resolve(3), stdout: ['a', 'b'], stderr: ['e'] });
    streams.stdin.end('in');
    streams.resize.push({ width: 10, height: 5 });
    await serveExecSession(s, streams, { kind: 'exec', command: ['sh', '-c', 'exit 3'] });
    expect(streams.events.slice(-2)).toEqual(['status:3:sh -c exit 3', 'close']);
    expect(streams.events.filter((e) => e.startsWith('std')).sort()).toEqual(['stderr:e', 'stdout:a', 'stdout:b']);
    expect(s.input).toEqual(['in', '<eof>']);
    expect(s.sizes).toEqual(['10x5']);
  });

  it('reports Success for attach whatever the exit code', async () => {
    const streams = new FakeStreams();
    await serveExecSession(session({ exit: Promise.resolve(1) }), streams, { kind: 'attach', command: [] });
    expect(streams.events).toEqual(['status:0:', 'close']);
  });

  it('reports a runtime failure as an internal error', async () => {
    const streams = new FakeStreams();
    await serveExecSession(session({ exit: Promise.reject(new Error('exec died')) }), streams, { kind: 'exec', command: ['ls'] });
    expect(streams.events).toEqual(['error:error executing command in container: exec died', 'close']);
  });

  it('ends the process stdin when the client goes away', async () => {
    const streams = new FakeStreams();
    let exit: (code: number) => void = () => undefined;
    const s = session({ exit: new Promise((resolve) => (exit = resolve)) });
    const done = serveExecSession(s, streams, { kind: 'exec', command: ['cat'] });
    streams.closeConnection();
    await new Promise<void>((resolve) => (s.stdin as Writable).on('finish', () => resolve()));
    exit(0);
    await done;
    expect(s.input).toEqual(['<eof>']);
  });
});

describe('holdSessionOutput', () => {
  it('keeps output produced before the streams are wired', async () => {
    const out = new PassThrough();
    const held = holdSessionOutput({ stdin: undefined, stdout: out, stderr: undefined, resize: () => Promise.resolve(), wait: () => Promise.resolve(0) });
    out.end('early');
    const chunks: Buffer[] = [];
    for await (const c of held.stdout as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe('early');
  });
});
