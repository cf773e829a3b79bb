/**
 * The kubelab command line as a function (kind's app.Run): resolves the command, parses its
 * flags, runs it, and turns any error into one `ERROR: ...` line on stderr and exit code 1
 * (the cause chain's stacks at -v 1 and above). Never exits the process.
 */
import { FlagError, parseFlags, type ParsedFlags } from '@kubelab/api';
import { COMMANDS, GROUPS } from './commands/index.js';
import type { Command, CommandContext } from './commands/command.js';
import { CliError, exitCodeOf, formatError } from './commands/cli-error.js';
import type { CliIO } from './commands/cli-io.js';
import { createCliLogger } from './commands/cli-logger.js';
import { resolveCommand, type CommandTree } from './commands/command-tree.js';
import { GLOBAL_FLAGS, HELP_FLAG } from './commands/global-flags.js';
import { commandHelp, groupHelp } from './commands/help.js';

export interface RunOptions {
  /** Aborts a running command (the CLI's main wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
  /** Defaults to every registered command. */
  tree?: CommandTree;
}

function verbosityOf(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const m = /^(?:-v|--verbosity)(?:=(\d+))?$/.exec(a);
    if (m) return Number(m[1] ?? argv[i + 1] ?? 0) || 0;
    if (/^-v\d+$/.test(a)) return Number(a.slice(2));
  }
  return 0;
}

function checkArgs(command: Command, args: string[]): void {
  const { min = 0, max = Infinity } = command.args ?? { max: 0 };
  if (args.length > max) {
    throw new CliError(
      max === 0
        ? `unknown command "${args[0] ?? ''}" for "kubelab ${command.path.join(' ')}"`
        : `accepts at most ${max} arg(s), received ${args.length}`,
    );
  }
  if (args.length < min) throw new CliError(`requires at least ${min} arg(s), only received ${args.length}`);
}

export async function run(argv: string[], io: CliIO, opts: RunOptions = {}): Promise<number> {
  let verbosity = verbosityOf(argv);
  try {
    const tree = opts.tree ?? { commands: COMMANDS, groups: GROUPS };
    const resolved = resolveCommand(tree, argv);
    const specs = resolved.kind === 'command' ? [...GLOBAL_FLAGS, HELP_FLAG, ...(resolved.command.flags ?? [])] : [...GLOBAL_FLAGS, HELP_FLAG];
    let parsed: ParsedFlags;
    try {
      parsed = parseFlags(resolved.rest, specs);
    } catch (err) {
      if (err instanceof FlagError) throw new CliError(err.message);
      throw err;
    }
    verbosity = Number(parsed.values.verbosity ?? 0);
    if (resolved.kind === 'group') {
      if (parsed.args.length > 0) {
        throw new CliError(`unknown command "${parsed.args[0] ?? ''}" for "${['kubelab', ...resolved.path].join(' ')}"`);
      }
      io.stdout.write(groupHelp(tree, resolved.path));
      return 0;
    }
    const { command } = resolved;
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    checkArgs(command, parsed.args);
    const quiet = parsed.values.quiet === true;
    const ctx: CommandContext = {
      args: parsed.args,
      flags: parsed.values,
      set: parsed.set,
      io,
      env: io.env,
      verbosity,
      quiet,
      logger: createCliLogger({ stream: io.stderr, verbosity, quiet }),
      signal: opts.signal ?? new AbortController().signal,
    };
    return (await command.run(ctx)) ?? 0;
  } catch (err) {
    for (const line of formatError(err, verbosity)) io.stderr.write(`${line}\n`);
    return exitCodeOf(err);
  }
}
