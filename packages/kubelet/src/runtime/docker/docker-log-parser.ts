/**
 * Parses Docker's log stream (GET /containers/{id}/logs?timestamps=1) into log entries.
 * Without a TTY the stream is multiplexed: 8-byte frame headers (1 = stdout, 2 = stderr, size
 * big-endian), one frame per logged message: `<RFC3339Nano> <content>[\n]` (no newline: the
 * logger cut a line longer than 16 KiB). With a TTY the stream is raw stdout lines.
 */
import type { LogEntry } from '../../logs/index.js';

function entryFromMessage(stream: 'stdout' | 'stderr', message: Buffer, tty: boolean): LogEntry | undefined {
  const space = message.indexOf(0x20);
  if (space <= 0) return undefined;
  const timestamp = message.subarray(0, space).toString('latin1');
  let content = message.subarray(space + 1);
  const partial = content.length === 0 || content[content.length - 1] !== 0x0a;
  if (!partial) content = content.subarray(0, -1);
  if (tty && content.length > 0 && content[content.length - 1] === 0x0d) content = content.subarray(0, -1);
  return { stream, timestamp, content: Buffer.from(content), partial };
}

export class DockerLogParser {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly tty: boolean) {}

  /** Entries complete in the data received so far. */
  push(chunk: Buffer): LogEntry[] {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    return this.tty ? this.rawLines(false) : this.frames();
  }

  /** At the end of the stream: what is left (an unterminated TTY line). */
  end(): LogEntry[] {
    return this.tty ? this.rawLines(true) : [];
  }

  private frames(): LogEntry[] {
    const out: LogEntry[] = [];
    let offset = 0;
    while (this.pending.length - offset >= 8) {
      const type = this.pending[offset];
      const size = this.pending.readUInt32BE(offset + 4);
      if (this.pending.length - offset - 8 < size) break;
      const payload = this.pending.subarray(offset + 8, offset + 8 + size);
      offset += 8 + size;
      if (type !== 1 && type !== 2) continue;
      const entry = entryFromMessage(type === 1 ? 'stdout' : 'stderr', payload, false);
      if (entry) out.push(entry);
    }
    this.pending = Buffer.from(this.pending.subarray(offset));
    return out;
  }

  private rawLines(flush: boolean): LogEntry[] {
    const out: LogEntry[] = [];
    let start = 0;
    for (let nl = this.pending.indexOf(0x0a); nl >= 0; nl = this.pending.indexOf(0x0a, start)) {
      const entry = entryFromMessage('stdout', this.pending.subarray(start, nl + 1), true);
      if (entry) out.push(entry);
      start = nl + 1;
    }
    this.pending = Buffer.from(this.pending.subarray(start));
    if (flush && this.pending.length > 0) {
      const entry = entryFromMessage('stdout', this.pending, true);
      if (entry) out.push(entry);
      this.pending = Buffer.alloc(0);
    }
    return out;
  }
}
