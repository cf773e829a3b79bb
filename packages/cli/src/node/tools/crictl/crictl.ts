/**
 * crictl on a kubelab node: the CRI commands a kubeadm node's crictl answers, over the
 * node's containers in Docker (selected by the io.kubelab.cluster/io.kubelab.node labels).
 */
import { ToolFlagError } from '../tool-flags.js';
import { write } from '../tool-io.js';
import { CrictlError, type CrictlContext } from './crictl-context.js';
import { crictlImages } from './crictl-images.js';
import { crictlInspect } from './crictl-inspect.js';
import { crictlPods, crictlPs } from './crictl-list.js';
import { crictlLogs } from './crictl-logs.js';
import { crictlRm, crictlStop } from './crictl-remove.js';
import { fatalLine } from './logrus-fatal.js';
import { NotFoundError } from './runtime-view.js';

type Subcommand = (args: string[], ctx: CrictlContext) => Promise<void>;

const SUBCOMMANDS: Record<string, { run: Subcommand; usage: string }> = {
  images: { run: crictlImages, usage: 'List images' },
  inspect: { run: crictlInspect, usage: 'Display the status of one or more containers' },
  logs: { run: crictlLogs, usage: 'Fetch the logs of a container' },
  pods: { run: crictlPods, usage: 'List pods' },
  ps: { run: crictlPs, usage: 'List containers' },
  rm: { run: crictlRm, usage: 'Remove one or more containers' },
  stop: { run: crictlStop, usage: 'Stop one or more running containers' },
  version: { run: crictlVersion, usage: 'Display runtime version information' },
};
const ALIASES: Record<string, string> = { img: 'images', image: 'images', i: 'images' };

/** Global flags with a value (they are accepted and have no effect here). */
const GLOBAL_WITH_VALUE = new Set(['-r', '--runtime-endpoint', '-i', '--image-endpoint', '-t', '--timeout', '-c', '--config']);

async function crictlVersion(_args: string[], ctx: CrictlContext): Promise<void> {
  const v = await ctx.docker.version();
  await write(ctx.io.stdout, `Version:  0.1.0\nRuntimeName:  docker\nRuntimeVersion:  ${v.Version}\nRuntimeApiVersion:  v1\n`);
}

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([name, s]) => `   ${name.padEnd(10)} ${s.usage}`);
  return `NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nCOMMANDS:\n${lines.join('\n')}\n`;
}

export async function runCrictl(args: string[], ctx: CrictlContext): Promise<number> {
  const started = Date.now();
  let i = 0;
  while (i < args.length && args[i]?.startsWith('-')) {
    const a = args[i] ?? '';
    if (a === '-h' || a === '--help') break;
    i += GLOBAL_WITH_VALUE.has(a) ? 2 : 1;
  }
  const name = args[i];
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    await write(ctx.io.stdout, usage());
    return 0;
  }
  const sub = SUBCOMMANDS[ALIASES[name] ?? name];
  if (!sub) {
    await write(ctx.io.stderr, `No help topic for '${name}'\n`);
    return 3;
  }
  try {
    await sub.run(args.slice(i + 1), ctx);
    return 0;
  } catch (err) {
    if (!(err instanceof CrictlError || err instanceof NotFoundError || err instanceof ToolFlagError || isDockerError(err))) throw err;
    const message = errorMessage(err);
    await write(ctx.io.stderr, fatalLine(message, { tty: ctx.io.stderrIsTTY === true, at: new Date(), elapsedSeconds: (Date.now() - started) / 1000 }));
    return 1;
  }
}

function isDockerError(err: unknown): boolean {
  return typeof (err as { statusCode?: unknown }).statusCode === 'number';
}

function errorMessage(err: unknown): string {
  if (isDockerError(err)) {
    const json = (err as { json?: { message?: string } }).json;
    return `rpc error: code = Unknown desc = ${json?.message ?? (err as Error).message}`;
  }
  return (err as Error).message;
}
