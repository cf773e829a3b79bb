/**
 * healthz/livez/readyz checks and their responses, as k8s.io/apiserver/pkg/server/healthz
 * writes them: `ok` when all pass (the per-check list with ?verbose), else 500 with the list,
 * failing checks as `[-]<name> failed: reason withheld`, and `<what> check failed`; a single
 * check (`/healthz/ping`) answers `ok` or `internal server error: <why>`.
 */
export interface HealthCheck {
  name: string;
  /** undefined when healthy, else why not (logged, withheld from the response). */
  check(): string | undefined;
}

export const PING_CHECK: HealthCheck = { name: 'ping', check: () => undefined };
export const LOG_CHECK: HealthCheck = { name: 'log', check: () => undefined };

export interface HealthResponse {
  status: number;
  body: string;
  /** The failing checks with their reasons, for the log. */
  failures: string[];
}

/**
 * The answer for `/<what>` (all checks) or `/<what>/<check>` (one check).
 * Undefined when the named check does not exist (404).
 */
export function healthResponse(
  what: 'healthz' | 'livez' | 'readyz',
  checks: HealthCheck[],
  only: string | undefined,
  verbose: boolean,
): HealthResponse | undefined {
  const selected = only ? checks.filter((c) => c.name === only) : checks;
  if (only && selected.length === 0) return undefined;
  let out = '';
  const failures: string[] = [];
  for (const c of selected) {
    const why = c.check();
    if (why === undefined) out += `[+]${c.name} ok\n`;
    else {
      out += `[-]${c.name} failed: reason withheld\n`;
      failures.push(`${c.name}: ${why}`);
    }
  }
  if (only && failures.length > 0) {
    return { status: 500, body: `internal server error: ${failures[0]?.slice(only.length + 2) ?? ''}\n`, failures };
  }
  if (failures.length > 0) return { status: 500, body: `${out}${what} check failed\n`, failures };
  if (!verbose || only) return { status: 200, body: 'ok', failures };
  return { status: 200, body: `${out}${what} check passed\n`, failures };
}
