/**
 * ExecSessions for protocol tests: a local child process standing in for a container process,
 * and a scripted session that reports the terminal sizes it is given.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { ExecSession } from '../../runtime/container-runtime.js';

export function spawnExecSession(command: string[]): ExecSession {
  const [file, ...args] = command;
  const child = spawn(file ?? 'true', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  const exit = new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 9 : 1)));
  });
  return {
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    resize: () => Promise.resolve(),
    wait: () => exit,
  };
}

/**
 * Writes "size <W>x<H>\r\n" for every resize and exits with 0 after `count` of them, or when
 * stdin ends.
 */
export function resizeReportingSession(count: number): ExecSession & { sizes: { width: number; height: number }[] } {
  const stdout = new PassThrough();
  const stdin = new PassThrough();
  const sizes: { width: number; height: number }[] = [];
  let finish: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (finish = resolve));
  const end = (): void => {
    stdout.end();
    finish(0);
  };
  stdin.resume();
  stdin.on('end', end);
  return {
    sizes,
    stdin,
    stdout,
    stderr: undefined,
    resize: (width, height) => {
      sizes.push({ width, height });
      stdout.write(`size ${width}x${height}\r\n`);
      if (sizes.length >= count) end();
      return Promise.resolve();
    },
    wait: () => exit,
  };
}
