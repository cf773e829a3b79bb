/**
 * A Logger that keeps every line for assertions. Derived loggers (with/named) write into the
 * same list, with their fields merged in.
 */
import type { Fields, Logger } from '../logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  err?: unknown;
  fields: Fields;
}

export class RecordingLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly base: Fields = {},
  ) {}

  debug(msg: string, fields?: Fields): void {
    this.entries.push({ level: 'debug', msg, fields: { ...this.base, ...fields } });
  }
  info(msg: string, fields?: Fields): void {
    this.entries.push({ level: 'info', msg, fields: { ...this.base, ...fields } });
  }
  warn(msg: string, fields?: Fields): void {
    this.entries.push({ level: 'warn', msg, fields: { ...this.base, ...fields } });
  }
  error(msg: string, err?: unknown, fields?: Fields): void {
    this.entries.push({ level: 'error', msg, err, fields: { ...this.base, ...fields } });
  }
  with(fields: Fields): Logger {
    return new RecordingLogger(this.entries, { ...this.base, ...fields });
  }
  named(): Logger {
    return this;
  }

  /** The entries at one level. */
  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((e) => e.level === level);
  }
}
