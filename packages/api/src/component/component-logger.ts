/**
 * klog-format logging for a component: to stderr, or appended to --log-file; -v sets the
 * verbosity (debug lines from 4).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { KlogLogger, stderrSink, type LogSink, type Logger } from '../logger.js';

export interface ComponentLoggerOptions {
  verbosity: number;
  logFile?: string;
  /** The klog source slot, e.g. server.go. */
  source?: string;
  /** Where lines go when no log file is given (stderr by default). */
  sink?: LogSink;
}

export interface ComponentLogger {
  logger: Logger;
  close(): void;
}

export function createComponentLogger(o: ComponentLoggerOptions): ComponentLogger {
  let sink = o.sink ?? stderrSink;
  let fd: number | undefined;
  if (o.logFile) {
    const file = openSync(o.logFile, 'a');
    fd = file;
    sink = { write: (line) => void writeSync(file, line) };
  }
  return {
    logger: new KlogLogger({ sink, verbosity: o.verbosity, source: o.source ?? 'server.go' }),
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
