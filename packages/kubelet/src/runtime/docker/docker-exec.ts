/**
 * `docker exec` as the kubelet's exec and exec probes need it: a hijacked connection,
 * stdout/stderr demultiplexed when there is no TTY, stdin half-closed at its end, resize,
 * and the exit code read from the exec's inspect once the stream ends.
 */
import { PassThrough, Writable } from 'node:stream';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ExecOptions, ExecSession } from '../container-runtime.js';

export class ExecTimeoutError extends Error {
  constructor(command: string[], timeoutMs: number) {
    super(`command ${JSON.stringify(command.join(' '))} timed out after ${timeoutMs / 1000}s`);
    this.name = 'ExecTimeoutError';
  }
}

/** Splits Docker's multiplexed stream (8-byte headers) into stdout and stderr. */
export function demultiplex(source: NodeJS.ReadableStream, stdout: Writable | undefined, stderr: Writable | undefined): void {
  let pending: Buffer = Buffer.alloc(0);
  source.on('data', (chunk: Buffer) => {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let offset = 0;
    while (pending.length - offset >= 8) {
      const size = pending.readUInt32BE(offset + 4);
      if (pending.length - offset - 8 < size) break;
      const type = pending[offset];
      const payload = Buffer.from(pending.subarray(offset + 8, offset + 8 + size));
      offset += 8 + size;
      if (type === 1) stdout?.write(payload);
      else if (type === 2) stderr?.write(payload);
    }
    pending = Buffer.from(pending.subarray(offset));
  });
}

async function exitCodeOf(exec: Dockerode.Exec): Promise<number> {
  // The stream can end a moment before the daemon marks the exec finished.
  for (let i = 0; i < 100; i++) {
    const info = await exec.inspect();
    if (!info.Running) return info.ExitCode ?? 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  const info = await exec.inspect();
  return info.ExitCode ?? -1;
}

export async function startExec(docker: Dockerode, containerId: string, opts: ExecOptions): Promise<ExecSession & { destroy(): void }> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: opts.command,
    AttachStdin: opts.stdin,
    AttachStdout: opts.stdout,
    AttachStderr: opts.stderr && !opts.tty,
    Tty: opts.tty,
  });
  const stream = (await exec.start({ hijack: true, stdin: opts.stdin, Tty: opts.tty })) as Duplex;
  const stdout = opts.stdout ? new PassThrough() : undefined;
  const stderr = opts.stderr && !opts.tty ? new PassThrough() : undefined;
  if (opts.tty) stream.on('data', (c: Buffer) => stdout?.write(c));
  else demultiplex(stream, stdout, stderr);
  const ended = new Promise<void>((resolve) => {
    const done = (): void => {
      stdout?.end();
      stderr?.end();
      resolve();
    };
    stream.once('end', done);
    stream.once('close', done);
    stream.once('error', done);
  });
  const stdin = opts.stdin
    ? new Writable({
        write(chunk: Buffer, _enc, cb) {
          stream.write(chunk, cb);
        },
        final(cb) {
          stream.end();
          cb();
        },
      })
    : undefined;
  let exit: Promise<number> | undefined;
  return {
    stdin,
    stdout,
    stderr,
    resize: async (width, height) => {
      await exec.resize({ w: width, h: height });
    },
    wait: () => (exit ??= ended.then(() => exitCodeOf(exec))),
    destroy: () => stream.destroy(),
  };
}

/** Runs a command to completion: exit code and stdout+stderr as they interleaved. */
export async function execSync(docker: Dockerode, containerId: string, command: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
  const session = await startExec(docker, containerId, { command, stdin: false, stdout: true, stderr: true, tty: false });
  const chunks: Buffer[] = [];
  session.stdout?.on('data', (c: Buffer) => chunks.push(c));
  session.stderr?.on('data', (c: Buffer) => chunks.push(c));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      session.destroy();
      reject(new ExecTimeoutError(command, timeoutMs));
    }, timeoutMs);
  });
  try {
    const exitCode = await Promise.race([session.wait(), timeout]);
    return { exitCode, output: Buffer.concat(chunks).toString('utf8') };
  } finally {
    clearTimeout(timer);
  }
}
