/**
 * `kubectl get ... -w`: a running kubectl whose output lines the caller waits for while it
 * changes objects with other commands; ended by the caller.
 */
import type { MatrixContext } from './matrix-context.js';
import { CheckError } from './matrix-check.js';

export interface Watcher {
  /** Waits until some output line matches (at most 30 s); returns the output so far. */
  waitForLine(pattern: RegExp): Promise<string>;
  stop(): void;
}

export function startWatch(x: MatrixContext, args: string[]): Watcher {
  const child = x.spawn(args);
  let stdout = '';
  let stderr = '';
  let exited: number | null | undefined;
  const waiters = new Set<() => void>();
  const wake = (): void => waiters.forEach((w) => w());
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.on('exit', (code) => {
    exited = code;
    wake();
  });
  return {
    waitForLine(pattern) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (stdout.split('\n').some((l) => pattern.test(l))) done(() => resolve(stdout));
          else if (exited !== undefined) done(() => reject(new CheckError(`kubectl ${args.join(' ')} exited (${exited}) before printing ${String(pattern)}\nstdout: ${stdout}\nstderr: ${stderr}`)));
        };
        const timer = setTimeout(() => done(() => reject(new CheckError(`kubectl ${args.join(' ')} printed no line matching ${String(pattern)} in 30s\nstdout: ${stdout}\nstderr: ${stderr}`))), 30_000);
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}
