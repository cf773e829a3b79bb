/**
 * Errors as the user sees them: one line `ERROR: <message>` where the message is the chain of
 * causes joined by ": " (as Go's wrapped errors read: `failed to create cluster: node(s) already
 * exist ...`), and, at -v 1 and above, each cause's stack (kind's logError).
 */

/** An error whose message is meant for the user as is; exitCode is the process's. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, opts: { exitCode?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CliError';
    this.exitCode = opts.exitCode ?? 1;
  }
}

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = err;
  while (cur !== undefined && cur !== null && out.length < 20) {
    out.push(cur);
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return out;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** `outer: inner: innermost`, skipping a cause whose text the outer message already ends with. */
export function errorChain(err: unknown): string {
  let text = '';
  for (const e of causes(err)) {
    const m = messageOf(e).trim();
    if (!m || text.endsWith(m)) continue;
    text = text ? `${text}: ${m}` : m;
  }
  return text.replace(/\s*\n\s*/g, ' ');
}

export function exitCodeOf(err: unknown): number {
  return err instanceof CliError ? err.exitCode : 1;
}

/** The lines printed for an error: one line, plus stacks at verbosity >= 1. */
export function formatError(err: unknown, verbosity: number): string[] {
  const lines = [`ERROR: ${errorChain(err)}`];
  if (verbosity >= 1) {
    for (const e of causes(err)) {
      if (e instanceof Error && e.stack) lines.push(e.stack);
      else lines.push(String(e));
    }
  }
  return lines;
}
