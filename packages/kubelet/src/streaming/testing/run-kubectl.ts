/** Runs a real kubectl binary against a fake apiserver and collects its output. */
import { spawn } from 'node:child_process';
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
  server: FakeApiServer;
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
