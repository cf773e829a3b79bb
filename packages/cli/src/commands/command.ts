/**
 * A kubelab command (kind's shape: one file per leaf command, holding its flags and a run
 * that only turns flags into a library call). Groups (`create`, `get`, `node`, …) have no run;
 * they are described in index.ts and found from the leaves' paths.
 */
import type { FlagSpec, FlagValues, Logger } from '@kubelab/api';
import type { CliIO } from './cli-io.js';

export interface CommandContext {
  /** Positional arguments (everything after `--` included, unparsed). */
  args: string[];
  flags: FlagValues;
  /** Flags given explicitly on the command line. */
  set: ReadonlySet<string>;
  io: CliIO;
  env: NodeJS.ProcessEnv;
  /** -v/--verbosity: 0 for users, 1+ for debugging. */
  verbosity: number;
  /** -q/--quiet: no progress or info on stderr. */
  quiet: boolean;
  /** To stderr; debug lines at verbosity >= 1. */
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM of the CLI process. */
  signal: AbortSignal;
}

export interface Command {
  /** The words that select it, e.g. ['create', 'cluster']. */
  path: string[];
  /** What follows the path on the usage line, e.g. '[flags]' or 'NODE -- COMMAND [ARG...]'. */
  usage?: string;
  /** One line, shown in the parent's list. */
  short: string;
  /** The help text's first paragraph; defaults to short. */
  long?: string;
  example?: string;
  flags?: FlagSpec[];
  /** Bounds on the number of positional arguments, checked before run. */
  args?: { min?: number; max?: number };
  /** Resolves with the exit code (undefined: 0); throws for errors (printed as `ERROR: ...`). */
  run(ctx: CommandContext): Promise<number | void>;
}

export interface CommandGroup {
  path: string[];
  short: string;
  long?: string;
}
