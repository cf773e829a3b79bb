/** Runs a real kubectl binary against a fake apiserver and collects its output. */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { FakeApiServer } from './fake-kube-apiserver.js';

export const KUBECTL_132 = '/usr/bin/kubectl';
export const KUBECTL_128 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.28';

export interface KubectlResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface KubectlRun {
  binary: string;
  args: string[];
  /** Where kubectl finds the cluster: a fake apiserver, or any kubeconfig with a cache directory. */
  server: Pick<FakeApiServer, 'kubeconfig' | 'cacheDir'>;
  env?: Record<string, string>;
  input?: Buffer;
  /** Run inside a pseudo-terminal of this size (script(1)); stdout then carries the terminal output. */
  terminal?: { columns: number; rows: number };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function runKubectl(run: KubectlRun): Promise<KubectlResult> {
  const args = ['--kubeconfig', run.server.kubeconfig, '--cache-dir', run.server.cacheDir, ...run.args];
  const env = { ...process.env, ...run.env };
  const child = run.terminal
    ? spawn(
        'script',
        [
          '-qefc',
          `stty cols ${run.terminal.columns} rows ${run.terminal.rows}; ${[run.binary, ...args].map(shellQuote).join(' ')}`,
          '/dev/null',
        ],
        { env, stdio: ['pipe', 'pipe', 'pipe'] },
      )
    : spawn(run.binary, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.on('error', () => undefined);
  if (run.input) child.stdin.end(run.input);
  else if (!run.terminal) child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** kubectl 1.27 … 1.33 as installed beside the gcloud SDK. */
export function kubectlVersion(minor: number): string {
  return `/usr/lib/google-cloud-sdk/bin/kubectl.1.${minor}`;
}

/** A kubectl that keeps running (port-forward, attach) until stopped. */
export interface KubectlProcess {
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of the pattern in stdout; rejects if kubectl exits first. */
  waitForStdout(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal) once kubectl has exited. */
  exited: Promise<number | null>;
  /** SIGINT (as Ctrl-C), then waits for the exit. */
  stop(): Promise<number | null>;
}

export function startKubectl(run: Omit<KubectlRun, 'terminal' | 'input'> & { stdin?: 'pipe' | 'ignore' }): KubectlProcess & { write(data: string): void; endInput(): void } {
  const args = ['--kubeconfig', run.server.kubeconfig, '--cache-dir', run.server.cacheDir, ...run.args];
  const child = spawn(run.binary, args, { env: { ...process.env, ...run.env }, stdio: [run.stdin ?? 'ignore', 'pipe', 'pipe'] }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  const wake = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
    wake();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
    wake();
  });
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    resolve(code);
    wake();
  }));
  let done = false;
  void exited.then(() => (done = true));
  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForStdout(pattern) {
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (done) throw new Error(`kubectl exited before printing ${String(pattern)}; stdout: ${out}; stderr: ${err}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async stop() {
      if (!done) child.kill('SIGINT');
      return exited;
    },
    write: (data) => child.stdin?.write(data),
    endInput: () => child.stdin?.end(),
  };
}
