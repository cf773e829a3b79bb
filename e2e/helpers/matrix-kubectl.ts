/**
 * The kubectl binaries of the compatibility matrix and how to run one of them: 1.32 is the
 * machine's `/usr/bin/kubectl` (the gcloud dispatcher, which runs `kubectl.1.<server minor>`),
 * every other version its versioned binary, called directly.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Result } from './cluster.js';

export const KUBECTL_VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33'] as const;
export type KubectlVersion = (typeof KUBECTL_VERSIONS)[number];

const GCLOUD_BIN = '/usr/lib/google-cloud-sdk/bin';

/** The binary a user of that version runs. */
export function kubectlBinary(version: KubectlVersion): string {
  return version === '1.32' ? '/usr/bin/kubectl' : `${GCLOUD_BIN}/kubectl.${version}`;
}

export interface KubectlRunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs one kubectl command to its end; never rejects (the exit code is in the result). */
export function runKubectl(binary: string, args: string[], opts: KubectlRunOptions = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(binary, args, { env: opts.env, maxBuffer: 64 << 20, timeout: opts.timeoutMs ?? 180_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    child.stdin?.end(opts.input ?? '');
  });
}

/** Starts a long-running kubectl (port-forward, logs -f); the caller ends it. */
export function spawnKubectl(binary: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
