/**
 * The kubelet's klog lines as the journal shows them (`journalctl -u kubelet`, short output):
 *   Nov 27 23:39:58 <node> kubelet[<pid>]: I1127 23:39:58.123456    4242 server.go:1] "..."
 * The time and PID come from the klog header (UTC, shown in local time as journalctl does);
 * a line without a header (a stack trace, a panic) takes the previous line's.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const KLOG_HEADER = /^[IWEF](\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})\s+(\d+) /;

export interface JournalEntry {
  at: Date;
  pid: number;
  message: string;
}

export interface JournalContext {
  /** Used for lines before the first klog header. */
  fallback: { at: Date; pid: number };
  /** klog has no year: the one that puts the entry not after now (+1 day). */
  now: Date;
}

export function parseKlogHeader(line: string, now: Date): { at: Date; pid: number } | undefined {
  const m = KLOG_HEADER.exec(line);
  if (!m) return undefined;
  const [mo, d, h, mi, s, us, pid] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  let year = now.getUTCFullYear();
  const make = (y: number): Date => new Date(Date.UTC(y, mo - 1, d, h, mi, s, Math.trunc(us / 1000)));
  if (make(year).getTime() > now.getTime() + 86_400_000) year -= 1;
  return { at: make(year), pid };
}

/** Journal entries of the kubelet log's lines, in order. */
export function toJournalEntries(lines: string[], ctx: JournalContext): JournalEntry[] {
  let last = ctx.fallback;
  return lines.map((message) => {
    const header = parseKlogHeader(message, ctx.now);
    if (header) last = header;
    return { at: last.at, pid: last.pid, message };
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `%b %d %H:%M:%S` in local time. */
export function shortTime(at: Date): string {
  return `${MONTHS[at.getMonth()]} ${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export type JournalOutput = 'short' | 'cat' | 'short-iso';

export function formatJournalEntry(e: JournalEntry, opts: { hostname: string; output?: JournalOutput; noHostname?: boolean }): string {
  if (opts.output === 'cat') return `${e.message}\n`;
  const time = opts.output === 'short-iso' ? isoLocal(e.at) : shortTime(e.at);
  const host = opts.noHostname ? '' : ` ${opts.hostname}`;
  return `${time}${host} kubelet[${e.pid}]: ${e.message}\n`;
}

function isoLocal(at: Date): string {
  const off = -at.getTimezoneOffset();
  const local = new Date(at.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${local}${sign}${pad(Math.trunc(abs / 60))}${pad(abs % 60)}`;
}
