/**
 * `docker attach` as the kubelet's attach needs it: a hijacked connection to the container's
 * main process, streams demultiplexed unless the container has a TTY (the container's setting
 * decides, as the CRI does), stdin only when the container keeps it open (its end closes the
 * process's stdin with stdinOnce, else detaches), resize through the container, and detach when
 * the caller's signal aborts.
 */
import { PassThrough, Writable } from 'node:stream';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ExecOptions, ExecSession } from '../container-runtime.js';
import { demultiplex } from './docker-exec.js';

export async function startAttach(
  docker: Dockerode,
  containerId: string,
  opts: Omit<ExecOptions, 'command'>,
  signal?: AbortSignal,
): Promise<ExecSession> {
  const container = docker.getContainer(containerId);
  const info = await container.inspect();
  const tty = info.Config.Tty;
  const withStdin = opts.stdin && info.Config.OpenStdin;
  const withStderr = opts.stderr && !tty;
  const stream = (await container.attach({
    stream: true,
    logs: false,
    stdin: withStdin,
    stdout: opts.stdout,
    stderr: withStderr,
    hijack: true,
  })) as Duplex;
  const stdout = opts.stdout ? new PassThrough() : undefined;
  const stderr = withStderr ? new PassThrough() : undefined;
  if (tty) stream.on('data', (c: Buffer) => stdout?.write(c));
  else demultiplex(stream, stdout, stderr);
  const ended = new Promise<number>((resolve) => {
    const done = (): void => {
      stdout?.end();
      stderr?.end();
      resolve(0);
    };
    stream.once('end', done);
    stream.once('close', done);
    stream.once('error', done);
  });
  const detach = (): void => {
    stream.destroy();
  };
  if (signal?.aborted) detach();
  else signal?.addEventListener('abort', detach, { once: true });
  void ended.then(() => signal?.removeEventListener('abort', detach));
  const stdin = withStdin
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
  return {
    stdin,
    stdout,
    stderr,
    resize: async (width, height) => {
      if (tty) await container.resize({ w: width, h: height });
    },
    wait: () => ended,
  };
}
