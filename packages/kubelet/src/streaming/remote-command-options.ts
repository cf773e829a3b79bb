/**
 * Which streams a remotecommand request wants (remotecommand.NewOptions). The kubelet's own
 * parameter names are input/output/error/tty with the value "1", as the apiserver forwards them;
 * the apiserver's stdin/stdout/stderr=true spelling is accepted too.
 */

export interface RemoteCommandOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

const TRUE_VALUES = new Set(['1', 'true']);

function flag(query: URLSearchParams, names: string[]): boolean {
  return names.some((n) => TRUE_VALUES.has(query.get(n) ?? ''));
}

/** Options from the query, or the upstream error message when no stream is requested. */
export function parseRemoteCommandOptions(query: URLSearchParams): RemoteCommandOptions | string {
  const tty = flag(query, ['tty']);
  const stdin = flag(query, ['input', 'stdin']);
  const stdout = flag(query, ['output', 'stdout']);
  // A terminal merges stderr into stdout: tty with stderr is silently treated as no stderr.
  const stderr = !tty && flag(query, ['error', 'stderr']);
  if (!stdin && !stdout && !stderr) return 'you must specify at least 1 of stdin, stdout, stderr';
  return { stdin, stdout, stderr, tty };
}
