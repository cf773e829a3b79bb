/**
 * GET /containerLogs/<namespace>/<pod>/<container> (Server.getContainerLogs): decode and
 * validate the PodLogOptions, let the core pick the log file, then stream it as text/plain.
 */
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { Clock, Logger } from '@kubelab/api';
import { ApiError, writeDrained } from '@kubelab/api';
import type { ReadCriLogOptions } from '../logs/index.js';
import { writeStatus } from './http-responses.js';
import type { ContainerRef, KubeletServerOptions, LogReader } from './kubelet-server-options.js';
import { logsSince, parsePodLogOptions } from './pod-log-options.js';

export interface ContainerLogsDeps {
  resolveContainerLog: KubeletServerOptions['resolveContainerLog'];
  readLog: LogReader;
  clock: Clock;
  logger: Logger;
}

export async function serveContainerLogs(
  res: ServerResponse,
  ref: ContainerRef,
  query: URLSearchParams,
  deps: ContainerLogsDeps,
): Promise<void> {
  const parsed = parsePodLogOptions(query);
  if ('code' in parsed) {
    writeStatus(res, new ApiError(parsed.code === 400 ? 'BadRequest' : 'Invalid', parsed.message, { code: parsed.code }));
    return;
  }
  const options = parsed.options;
  const target = await deps.resolveContainerLog(ref, options.previous);
  if (typeof target === 'string') {
    writeStatus(res, new ApiError('BadRequest', target));
    return;
  }
  try {
    await stat(target.logPath);
  } catch (err) {
    writeStatus(res, new ApiError('BadRequest', `failed to open log file "${target.logPath}": ${(err as Error).message}`));
    return;
  }
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const readOpts: ReadCriLogOptions = {
    timestamps: options.timestamps,
    follow: options.follow && target.running,
    signal: abort.signal,
  };
  if (options.tailLines !== undefined) readOpts.tailLines = options.tailLines;
  if (options.limitBytes !== undefined) readOpts.limitBytes = options.limitBytes;
  const since = logsSince(options, deps.clock.now());
  if (since) readOpts.sinceTime = since;
  if (target.isActive) readOpts.isActive = target.isActive;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  try {
    for await (const chunk of deps.readLog(target.logPath, readOpts)) {
      if (abort.signal.aborted) break;
      await writeDrained(res, chunk);
    }
  } catch (err) {
    if (!abort.signal.aborted) deps.logger.error('Failed to read container log', err, { pod: `${ref.namespace}/${ref.pod}`, container: ref.container });
  }
  res.end();
}
