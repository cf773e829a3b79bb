/** `crictl rm [-f] [-k] [-a] ID…` and `crictl stop [-t N] [-a] ID…`, printing each ID as given. */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { flagBool, flagInt, parseToolFlags, type ToolFlagSpec } from '../tool-flags.js';
import { write } from '../tool-io.js';
import { CrictlError, type CrictlContext } from './crictl-context.js';
import { resolveByPrefix, type CriContainer } from './runtime-view.js';

export const RM_FLAGS: ToolFlagSpec[] = [
  { name: 'force', short: 'f', type: 'bool' },
  { name: 'keep-logs', short: 'k', type: 'bool' },
  { name: 'all', short: 'a', type: 'bool' },
];
export const STOP_FLAGS: ToolFlagSpec[] = [
  { name: 'timeout', short: 't', type: 'int' },
  { name: 'all', short: 'a', type: 'bool' },
];

/** Kubernetes' utilerrors.NewAggregate message: one error as is, several as `[a, b]`. */
export function aggregate(errors: string[]): string {
  return errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
}

async function stopContainer(ctx: CrictlContext, c: CriContainer, timeout: number): Promise<void> {
  if (c.state !== 'CONTAINER_RUNNING') return;
  try {
    await ctx.docker.getContainer(c.id).stop({ t: timeout });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 304) throw err; // 304: already stopped
  }
}

async function removeLogs(logPath: string): Promise<void> {
  if (!logPath) return;
  const dir = dirname(logPath);
  const prefix = `${basename(logPath)}.`;
  const rotations = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.startsWith(prefix)).map((f) => join(dir, f));
  await Promise.all([...rotations, logPath].map((f) => rm(f, { force: true })));
}

export async function crictlRm(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, RM_FLAGS);
  const all = await ctx.view.containers();
  const ids = flagBool(p, 'all') ? all.map((c) => c.id) : p.positional;
  if (ids.length === 0) {
    if (flagBool(p, 'all')) return;
    throw new CrictlError('ID cannot be empty');
  }
  const errors: string[] = [];
  for (const id of ids) {
    try {
      let c: CriContainer;
      try {
        c = resolveByPrefix(all, id, 'container');
      } catch (err) {
        throw new Error(`getting container status "${id}": ${(err as Error).message}`);
      }
      if (c.state === 'CONTAINER_RUNNING') {
        if (!flagBool(p, 'force')) throw new Error(`container "${id}" is running, please stop it first`);
        await stopContainer(ctx, c, 0);
      }
      await ctx.docker.getContainer(c.id).remove({ force: true });
      if (!flagBool(p, 'keep-logs')) await removeLogs(c.logPath);
      await write(ctx.io.stdout, `${id}\n`);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length > 0) throw new CrictlError(aggregate(errors));
}

export async function crictlStop(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, STOP_FLAGS);
  const all = await ctx.view.containers();
  if (flagBool(p, 'all') && p.positional.length > 0) throw new CrictlError('cannot specify CONTAINER-ID(s) when using --all');
  let ids = p.positional;
  if (flagBool(p, 'all')) {
    ids = all.filter((c) => c.state === 'CONTAINER_RUNNING').map((c) => c.id);
    if (ids.length === 0) return write(ctx.io.stdout, 'No running containers found.\n');
  } else if (ids.length === 0) throw new CrictlError('you must specify at least one CONTAINER-ID or use --all');
  for (const id of ids) {
    try {
      await stopContainer(ctx, resolveByPrefix(all, id, 'container'), flagInt(p, 'timeout', 0));
    } catch (err) {
      throw new CrictlError(`stopping the container "${id}": ${(err as Error).message}`);
    }
    await write(ctx.io.stdout, `${id}\n`);
  }
}
