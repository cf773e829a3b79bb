/**
 * Runs an exec or attach session over remotecommand streams: client stdin into the process
 * (its EOF closes the process's stdin), process stdout/stderr out to the client, terminal
 * resizes to the runtime, and when the process has exited and its output is drained, the final
 * status: the exit code for exec, always Success for attach (as ServeExec / ServeAttach).
 */
import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Logger } from '@kubelab/api';
import { noopLogger } from '@kubelab/api';
import type { ExecSession } from '../runtime/container-runtime.js';
import type { RemoteCommandStreams } from './remote-command-streams.js';

export interface ServeSessionOptions {
  kind: 'exec' | 'attach';
  /** The argv, for the NonZeroExitCode message. */
  command: string[];
  logger?: Logger;
}

function hold(from: NodeJS.ReadableStream | undefined): NodeJS.ReadableStream | undefined {
  if (!from) return undefined;
  const held = new PassThrough();
  from.on('error', (err: Error) => held.destroy(err));
  return from.pipe(held);
}

/**
 * Starts reading the session's output into buffers right away. A session may be started before
 * the client's streams exist (so that a failure can still be answered with an HTTP error), and
 * some sources drop unread output once the process exits (child_process flushes untouched
 * stdio); the buffers keep it, with backpressure, until the streams are wired.
 */
export function holdSessionOutput(session: ExecSession): ExecSession {
  return {
    stdin: session.stdin,
    stdout: hold(session.stdout),
    stderr: hold(session.stderr),
    resize: (w, h) => session.resize(w, h),
    wait: () => session.wait(),
  };
}

function pipeOutput(from: NodeJS.ReadableStream | undefined, to: Writable | undefined): Promise<void> {
  if (!from) return Promise.resolve();
  if (!to) {
    from.resume();
  } else {
    from.pipe(to, { end: false });
  }
  return finished(from).catch(() => undefined);
}

function pipeInput(streams: RemoteCommandStreams, session: ExecSession): void {
  const target = session.stdin;
  if (!target) {
    streams.stdin?.resume();
    return;
  }
  target.on('error', () => undefined);
  if (!streams.stdin) {
    target.end();
    return;
  }
  streams.stdin.pipe(target);
}

/** Iterating (rather than listening) also delivers sizes that arrived before wiring. */
async function forwardResizes(streams: RemoteCommandStreams, session: ExecSession, logger: Logger): Promise<void> {
  for await (const size of streams.resize) {
    await session.resize(size.width, size.height).catch((err: unknown) => logger.debug('Resize failed', { err: String(err) }));
  }
}

/** Resolves when the status has been queued (the connection closes after it). */
export async function serveExecSession(
  session: ExecSession,
  streams: RemoteCommandStreams,
  opts: ServeSessionOptions,
): Promise<void> {
  const logger = opts.logger ?? noopLogger;
  pipeInput(streams, session);
  void forwardResizes(streams, session, logger);
  // The client going away ends the process's stdin; the process decides what that means.
  void streams.closed.then(() => session.stdin?.end());
  const output = Promise.all([pipeOutput(session.stdout, streams.stdout), pipeOutput(session.stderr, streams.stderr)]);
  try {
    const [exitCode] = await Promise.all([session.wait(), output]);
    if (opts.kind === 'attach') streams.sendStatus(0, opts.command);
    else streams.sendStatus(exitCode, opts.command);
  } catch (err) {
    const what = opts.kind === 'attach' ? 'error attaching to container' : 'error executing command in container';
    const message = `${what}: ${err instanceof Error ? err.message : String(err)}`;
    logger.error('Remote command failed', err, { kind: opts.kind });
    streams.sendError(message);
  }
  streams.close();
}
