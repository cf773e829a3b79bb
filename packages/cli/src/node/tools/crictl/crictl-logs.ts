/** `crictl logs [-f] [--tail N] [-t] CONTAINER-ID`: the container's CRI log file, content only. */
import { readLines } from '../file-lines.js';
import { flagBool, flagInt, parseToolFlags, type ToolFlagSpec } from '../tool-flags.js';
import { write } from '../tool-io.js';
import { CrictlError, type CrictlContext } from './crictl-context.js';
import { parseCriLogLine, renderCriLogLine } from './cri-log.js';
import { resolveByPrefix } from './runtime-view.js';

export const LOGS_FLAGS: ToolFlagSpec[] = [
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'timestamps', short: 't', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
];

export async function crictlLogs(args: string[], ctx: CrictlContext): Promise<void> {
  const p = parseToolFlags(args, LOGS_FLAGS);
  const id = p.positional[0] ?? '';
  if (!id) throw new CrictlError('ID cannot be empty');
  const container = resolveByPrefix(await ctx.view.containers(), id, 'container');
  if (!container.logPath) throw new CrictlError('The container has not set log path');
  const timestamps = flagBool(p, 'timestamps');
  const running = async (): Promise<boolean> => {
    try {
      return (await ctx.docker.getContainer(container.id).inspect()).State.Running;
    } catch {
      return false;
    }
  };
  let lines: AsyncGenerator<Buffer>;
  try {
    lines = readLines(container.logPath, { tail: flagInt(p, 'tail', -1), follow: flagBool(p, 'follow'), signal: ctx.io.signal, writerActive: running });
    const first = await lines.next();
    if (first.done) return;
    await emit(first.value);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CrictlError(`failed to try resolving symlinks in path "${container.logPath}": lstat ${container.logPath}: no such file or directory`);
    throw err;
  }
  for await (const line of lines) await emit(line);

  async function emit(raw: Buffer): Promise<void> {
    const msg = parseCriLogLine(raw);
    if (!msg) return;
    await write(msg.stream === 'stderr' ? ctx.io.stderr : ctx.io.stdout, renderCriLogLine(msg, timestamps));
  }
}
