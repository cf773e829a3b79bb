/**
 * The CRI container log format (what containerd and CRI-O write under /var/log/pods):
 *   2026-11-27T23:07:03.989000000Z stdout F a complete line
 *   2026-11-27T23:07:03.989000000Z stderr P the first 16 KiB of a longer line
 * Timestamps are RFC 3339 with nanoseconds; the kubelet reads them leniently and prints them
 * with nine fixed digits (RFC3339NanoFixed).
 */

export type LogStream = 'stdout' | 'stderr';

/** One message as the runtime delivered it, without its newline. */
export interface LogEntry {
  stream: LogStream;
  /** RFC 3339 with (up to) nanoseconds. */
  timestamp: string;
  content: Buffer;
  /** True when the runtime cut the line (no newline yet). */
  partial: boolean;
}

export interface CriLogMessage {
  timestamp: string;
  /** Nanoseconds since the epoch. */
  nanos: bigint;
  stream: LogStream;
  partial: boolean;
  /** The content; a full (F) line ends with '\n', as upstream's parser keeps it. */
  content: Buffer;
}

/** containerd's and the kubelet's limit for one log line (longer lines are split, tagged P). */
export const MAX_LOG_LINE_BYTES = 16 * 1024;

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Nanoseconds since the epoch of an RFC 3339 timestamp (lenient fraction); undefined if invalid. */
export function parseTimestampNanos(ts: string): bigint | undefined {
  const m = RFC3339.exec(ts);
  if (!m?.[1] || !m[3]) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return undefined;
  const frac = BigInt((m[2] ?? '').padEnd(9, '0'));
  return BigInt(ms) * 1_000_000n + frac;
}

/** RFC3339NanoFixed in UTC: 2026-11-27T23:07:03.989000000Z. */
export function formatTimestampNanos(nanos: bigint): string {
  const ms = Number(nanos / 1_000_000_000n) * 1000;
  const frac = String(nanos % 1_000_000_000n).padStart(9, '0');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${frac}Z`);
}

/** Docker's `since` query: seconds.nanoseconds. */
export function toUnixSecondsString(nanos: bigint): string {
  return `${nanos / 1_000_000_000n}.${String(nanos % 1_000_000_000n).padStart(9, '0')}`;
}

/** The file lines of one entry: 16 KiB pieces, all but the last tagged P, the last F unless the entry is partial. */
export function formatCriLines(entry: LogEntry): Buffer[] {
  const lines: Buffer[] = [];
  const { content } = entry;
  let offset = 0;
  do {
    const piece = content.subarray(offset, offset + MAX_LOG_LINE_BYTES);
    offset += piece.length;
    const last = offset >= content.length;
    const tag = last && !entry.partial ? 'F' : 'P';
    lines.push(Buffer.concat([Buffer.from(`${entry.timestamp} ${entry.stream} ${tag} `), piece, Buffer.from('\n')]));
  } while (offset < content.length);
  return lines;
}

/** Parses one file line (with or without its '\n'); undefined when it is not CRI format. */
export function parseCriLine(line: Buffer): CriLogMessage | undefined {
  const sp1 = line.indexOf(0x20);
  if (sp1 < 0) return undefined;
  const timestamp = line.subarray(0, sp1).toString('latin1');
  const nanos = parseTimestampNanos(timestamp);
  if (nanos === undefined) return undefined;
  const sp2 = line.indexOf(0x20, sp1 + 1);
  if (sp2 < 0) return undefined;
  const stream = line.subarray(sp1 + 1, sp2).toString('latin1');
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const sp3 = line.indexOf(0x20, sp2 + 1);
  if (sp3 < 0) return undefined;
  const tags = line.subarray(sp2 + 1, sp3).toString('latin1').split(':');
  const partial = tags[0] === 'P';
  let content = line.subarray(sp3 + 1);
  if (partial && content.length > 0 && content[content.length - 1] === 0x0a) content = content.subarray(0, -1);
  return { timestamp, nanos, stream, partial, content };
}
