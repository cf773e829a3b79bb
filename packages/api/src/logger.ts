/**
 * Structured logging in klog's text format, as the Kubernetes components print it:
 *   I1127 23:39:58.123456   12345 kubelet.go:0] "Successfully registered node" node="lab-worker"
 * The Logger is injected everywhere; nothing logs through a global.
 */
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, err?: unknown, fields?: Fields): void;
  /** A logger that adds these fields to every line. */
  with(fields: Fields): Logger;
  /** A logger whose lines name this source file (klog's `file.go:line` slot). */
  named(source: string): Logger;
}

export interface LogSink {
  write(line: string): void;
}

export interface KlogOptions {
  sink: LogSink;
  /** klog -v: debug lines are printed at verbosity 4 and above. */
  verbosity?: number;
  source?: string;
  fields?: Fields;
  now?: () => Date;
  pid?: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function klogHeader(severity: 'I' | 'W' | 'E', at: Date, pid: number, source: string): string {
  const us = String(at.getUTCMilliseconds() * 1000).padStart(6, '0');
  return (
    `${severity}${pad2(at.getUTCMonth() + 1)}${pad2(at.getUTCDate())} ` +
    `${pad2(at.getUTCHours())}:${pad2(at.getUTCMinutes())}:${pad2(at.getUTCSeconds())}.${us} ` +
    `${String(pid).padStart(7)} ${source}:1]`
  );
}

function formatValue(v: unknown): string {
  if (v instanceof Error) return JSON.stringify(v.message);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) {
    return String(v);
  }
  try {
    return JSON.stringify(v);
  } catch {
    return JSON.stringify(String(v));
  }
}

export function formatFields(fields: Fields | undefined): string {
  if (!fields) return '';
  let out = '';
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out += ` ${k}=${formatValue(v)}`;
  }
  return out;
}

/**
 * klog's MergeKVs: the logger's own values, then the call's; a key given in both is printed once,
 * with the call's value, after the logger's other values.
 */
function mergeFields(base: Fields, call: Fields | undefined): Fields {
  if (!call) return base;
  const out: Fields = {};
  for (const [k, v] of Object.entries(base)) if (!Object.hasOwn(call, k)) out[k] = v;
  return Object.assign(out, call);
}

export class KlogLogger implements Logger {
  private readonly opts: Required<Omit<KlogOptions, 'fields'>> & { fields: Fields };

  constructor(opts: KlogOptions) {
    this.opts = {
      verbosity: 2,
      source: 'main.go',
      now: () => new Date(),
      pid: process.pid,
      fields: {},
      ...opts,
    };
  }

  private line(sev: 'I' | 'W' | 'E', msg: string, fields?: Fields, err?: unknown): void {
    const head = klogHeader(sev, this.opts.now(), this.opts.pid, this.opts.source);
    const errPart = err === undefined ? '' : ` err=${formatValue(err)}`;
    this.opts.sink.write(`${head} ${JSON.stringify(msg)}${errPart}${formatFields(mergeFields(this.opts.fields, fields))}\n`);
  }

  debug(msg: string, fields?: Fields): void {
    if (this.opts.verbosity >= 4) this.line('I', msg, fields);
  }
  info(msg: string, fields?: Fields): void {
    this.line('I', msg, fields);
  }
  warn(msg: string, fields?: Fields): void {
    this.line('W', msg, fields);
  }
  error(msg: string, err?: unknown, fields?: Fields): void {
    this.line('E', msg, fields, err);
  }
  with(fields: Fields): Logger {
    return new KlogLogger({ ...this.opts, fields: { ...this.opts.fields, ...fields } });
  }
  named(source: string): Logger {
    return new KlogLogger({ ...this.opts, source });
  }
}

export const stderrSink: LogSink = { write: (l) => process.stderr.write(l) };

export function createKlogLogger(opts: Partial<KlogOptions> = {}): Logger {
  return new KlogLogger({ sink: stderrSink, ...opts });
}

/** Discards everything; for tests and quiet paths. */
export const noopLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  with: () => noopLogger,
  named: () => noopLogger,
};
