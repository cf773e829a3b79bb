/**
 * The CLI's own log lines on stderr (kind's logger): warnings and errors always, info unless
 * -q, debug at -v 1 and above; fields appended as key=value.
 */
import { formatFields, type Fields, type Logger } from '@kubelab/api';
import type { OutputStream } from './cli-io.js';

export interface CliLoggerOptions {
  stream: OutputStream;
  verbosity: number;
  quiet: boolean;
  fields?: Fields;
}

export function createCliLogger(o: CliLoggerOptions): Logger {
  const line = (prefix: string, msg: string, fields?: Fields): void => {
    o.stream.write(`${prefix}${msg}${formatFields({ ...o.fields, ...fields })}\n`);
  };
  return {
    debug: (msg, fields) => {
      if (o.verbosity >= 1 && !o.quiet) line('', msg, fields);
    },
    info: (msg, fields) => {
      if (!o.quiet) line('', msg, fields);
    },
    warn: (msg, fields) => line('WARNING: ', msg, fields),
    error: (msg, err, fields) => line('ERROR: ', msg, { ...fields, ...(err === undefined ? {} : { err }) }),
    with: (fields) => createCliLogger({ ...o, fields: { ...o.fields, ...fields } }),
    named: () => createCliLogger(o),
  };
}
