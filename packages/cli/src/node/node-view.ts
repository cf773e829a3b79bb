/**
 * A command in a node's own view: new mount and UTS namespaces (`unshare --mount --uts
 * --fork`, mounts private to it), where /etc/kubernetes, /var/lib/kubelet, /var/log/pods (and
 * the staticPodPath when it lies elsewhere) are bind mounts of the node root's, the hostname
 * is the node's name and the node tools come first on PATH. Only those subtrees are bound;
 * the host's /etc and /var stay visible. A mount point missing on the host is created empty.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { NODE_PATHS, type NodeRecord } from '../cluster/layout.js';
import { shellExitCode } from './child-exit.js';
import type { NodeTarget } from './node-target.js';
import { ensureNodeToolFiles } from './node-tool-shims.js';

export interface ViewMount {
  /** Host path under the node root. */
  source: string;
  /** Node-view path, bound over the host's. */
  target: string;
}

const BASE_MOUNTS = ['/etc/kubernetes', '/var/lib/kubelet', NODE_PATHS.podLogs];

const within = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

/** The view's bind mounts, parents first; a staticPodPath outside them gets its own. */
export function nodeViewMounts(node: NodeRecord): ViewMount[] {
  const targets = [...BASE_MOUNTS];
  const spp = node.staticPodPath ? normalize(node.staticPodPath).replace(/\/+$/, '') : '';
  if (spp && spp !== '/' && !targets.some((t) => within(spp, t))) targets.push(spp);
  return targets.sort((a, b) => a.split('/').length - b.split('/').length).map((target) => ({ source: join(node.root, target), target }));
}

/**
 * Runs under unshare: `sh -c SCRIPT sh HOSTNAME BINDIR N SRC1 DST1 … SRCN DSTN CMD…`. Binds,
 * sets the hostname, re-enters the working directory (it may now be a bind mount) and execs.
 */
export const VIEW_SCRIPT = [
  'set -e',
  'host=$1; bin=$2; n=$3; shift 3',
  'while [ "$n" -gt 0 ]; do mount --bind "$1" "$2"; shift 2; n=$((n - 1)); done',
  'hostname "$host"',
  'HOSTNAME=$host; PATH=$bin:$PATH; export HOSTNAME PATH',
  'cd "$PWD" 2>/dev/null || cd /',
  'set +e',
  'exec "$@"',
].join('\n');

export function unshareArgs(target: NodeTarget, binDir: string, command: string[]): string[] {
  const mounts = nodeViewMounts(target.node);
  return ['--mount', '--uts', '--fork', '--propagation', 'private', 'sh', '-c', VIEW_SCRIPT, 'sh', target.node.name, binDir, String(mounts.length), ...mounts.flatMap((m) => [m.source, m.target]), ...command];
}

export interface ViewStdio {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export interface RunInNodeViewOptions {
  target: NodeTarget;
  /** The command; empty for an interactive login shell (`kubelab node ssh`). */
  command: string[];
  env?: NodeJS.ProcessEnv;
  /** The caller's streams; those of this process are handed to the command as they are (TTY included). */
  stdio: ViewStdio;
}

export class NotRootError extends Error {
  constructor() {
    super("a node's view needs root: it is a new mount and UTS namespace (unshare --mount --uts); run kubelab with sudo");
    this.name = 'NotRootError';
  }
}

/** Creates the mount points (host side) and sources (node side) that do not exist yet. */
export async function prepareMountPoints(mounts: ViewMount[]): Promise<void> {
  for (const m of mounts) {
    await mkdir(m.source, { recursive: true });
    if (!existsSync(m.target)) await mkdir(m.target, { recursive: true });
  }
}

function interactiveShell(rc: string): string[] {
  if (existsSync('/bin/bash')) return ['/bin/bash', '--rcfile', rc, '-i'];
  return ['/bin/sh', '-i'];
}

/**
 * While a command owns the terminal, this process ignores the keyboard's SIGINT and SIGQUIT,
 * as system(3) does: Ctrl-C is the command's (a shell survives it), not kubelab's.
 */
function ignoreTerminalSignals(): () => void {
  const saved = (['SIGINT', 'SIGQUIT'] as const).map((sig) => [sig, process.listeners(sig)] as const);
  const ignore = (): void => undefined;
  for (const [sig] of saved) {
    process.removeAllListeners(sig);
    process.on(sig, ignore);
  }
  return () => {
    for (const [sig, listeners] of saved) {
      process.removeListener(sig, ignore);
      for (const l of listeners) process.on(sig, l);
    }
  };
}

export async function runInNodeView(opts: RunInNodeViewOptions): Promise<number> {
  if (process.getuid?.() !== 0) throw new NotRootError();
  const env = { ...(opts.env ?? process.env) };
  const files = await ensureNodeToolFiles(opts.target, env);
  await prepareMountPoints(nodeViewMounts(opts.target.node));
  let command = opts.command;
  if (command.length === 0) {
    command = interactiveShell(files.shellRc);
    env.ENV = files.shellRc; // sh -i reads it
  }
  const own = [opts.stdio.stdin === process.stdin, opts.stdio.stdout === process.stdout, opts.stdio.stderr === process.stderr];
  const stdio: StdioOptions = own.map((o) => (o ? 'inherit' : 'pipe'));
  const restoreSignals = own[0] ? ignoreTerminalSignals() : () => undefined;
  const child = spawn('unshare', unshareArgs(opts.target, files.binDir, command), { stdio, env });
  if (!own[0] && child.stdin) {
    child.stdin.on('error', () => undefined); // the command may exit before reading all input
    opts.stdio.stdin.pipe(child.stdin);
  }
  child.stdout?.setEncoding('utf8').on('data', (d: string) => opts.stdio.stdout.write(d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => opts.stdio.stderr.write(d));
  return new Promise<number>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`failed to run unshare: ${err.message}`, { cause: err })));
    child.on('close', (code, signal) => {
      if (!own[0]) opts.stdio.stdin.unpipe(child.stdin ?? undefined);
      resolve(shellExitCode(code, signal));
    });
  }).finally(restoreSignals);
}
