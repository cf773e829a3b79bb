/** One row of the compatibility matrix: a command a user types, run and checked per kubectl version. */
import type { MatrixContext } from './matrix-context.js';

export interface MatrixCommand {
  /** The row label: the command as a user would type it. */
  name: string;
  /** Runs the command (and whatever it needs first) and throws a CheckError when kubectl's output is wrong. */
  run(ctx: MatrixContext): Promise<void>;
}

export function command(name: string, run: (ctx: MatrixContext) => Promise<void>): MatrixCommand {
  return { name, run };
}
