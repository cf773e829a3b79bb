/** A logger whose info lines become debug lines: for libraries whose progress the CLI already prints its own way. */
import type { Logger } from '@kubelab/api';

export function infoAsDebug(logger: Logger): Logger {
  return {
    debug: (msg, fields) => logger.debug(msg, fields),
    info: (msg, fields) => logger.debug(msg, fields),
    warn: (msg, fields) => logger.warn(msg, fields),
    error: (msg, err, fields) => logger.error(msg, err, fields),
    with: (fields) => infoAsDebug(logger.with(fields)),
    named: (source) => infoAsDebug(logger.named(source)),
  };
}
