/**
 * `docker` inside a node's view: the host's Docker engine is every node's runtime, so
 * `docker ps` (and `docker container ls|ps|list`) gets two more filters, io.kubelab.cluster
 * and io.kubelab.node, and shows only this node's containers in docker's own layout; every
 * other subcommand reaches the real docker CLI unchanged.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { shellExitCode } from '../../child-exit.js';

/** docker's global options that take a value (`docker --host x ps`). */
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const LIST_VERBS = new Set(['ls', 'ps', 'list']);

export interface DockerOwner {
  cluster: string;
  node: string;
}

function nextCommand(args: string[], from: number): number {
  for (let i = from; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
  }
  return -1;
}

/** The real docker's arguments for what the user typed in the node's view. */
export function nodeDockerArgs(args: string[], owner: DockerOwner): string[] {
  const i = nextCommand(args, 0);
  if (i < 0) return args;
  let at = -1;
  if (args[i] === 'ps') at = i + 1;
  else if (args[i] === 'container') {
    const j = nextCommand(args, i + 1);
    if (j >= 0 && LIST_VERBS.has(args[j] ?? '')) at = j + 1;
  }
  if (at < 0) return args;
  const filters = ['--filter', `label=io.kubelab.cluster=${owner.cluster}`, '--filter', `label=io.kubelab.node=${owner.node}`];
  return [...args.slice(0, at), ...filters, ...args.slice(at)];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The docker CLI on PATH that is not one of the node tools (those live in `shimDirs`). */
export function findRealDocker(path: string, shimDirs: string[]): string | undefined {
  const skip = new Set(shimDirs.map((d) => safeRealpath(d)));
  for (const dir of path.split(delimiter).filter(Boolean)) {
    if (skip.has(safeRealpath(dir))) continue;
    const candidate = join(dir, 'docker');
    if (isExecutable(candidate)) return candidate;
  }
  return ['/usr/bin/docker', '/usr/local/bin/docker'].find(isExecutable);
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Runs the real docker with the terminal and streams of this process; resolves its exit code. */
export function execDocker(docker: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(docker, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(shellExitCode(code, signal)));
  });
}
