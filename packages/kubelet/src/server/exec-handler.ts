/**
 * /exec and /attach upgrades (Server.getExec / getAttach): parse the remotecommand options,
 * check the handshake, start the session through the core, then switch protocols and run it.
 * Everything that can fail is checked before the protocol switch so it is answered with an HTTP
 * error (kubectl then reports it); the session starts only once per request.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import type { ExecSession } from '../runtime/container-runtime.js';
import {
  holdSessionOutput,
  isUpgradeRejection,
  parseRemoteCommandOptions,
  prepareRemoteCommandUpgrade,
  serveExecSession,
  statusBody,
  writeUpgradeError,
} from '../streaming/index.js';
import { toApiError } from './http-responses.js';
import type { ContainerRef, KubeletServerOptions } from './kubelet-server-options.js';

export interface ExecHandlerDeps {
  exec: KubeletServerOptions['exec'];
  attach: KubeletServerOptions['attach'];
  logger: Logger;
}

export function writeUpgradeApiError(socket: Duplex, err: unknown): void {
  const e = toApiError(err);
  writeUpgradeError(socket, e.code, JSON.stringify(e.toStatus()));
}

export async function serveRemoteCommand(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  call: { kind: 'exec' | 'attach'; ref: ContainerRef; query: URLSearchParams },
  deps: ExecHandlerDeps,
): Promise<void> {
  const opts = parseRemoteCommandOptions(call.query);
  if (typeof opts === 'string') {
    writeUpgradeError(socket, 400, statusBody(400, opts));
    return;
  }
  const prepared = prepareRemoteCommandUpgrade(req, { ...opts, logger: deps.logger });
  if (isUpgradeRejection(prepared)) {
    writeUpgradeError(socket, prepared.code, statusBody(prepared.code, prepared.message));
    return;
  }
  const command = call.kind === 'exec' ? call.query.getAll('command') : [];
  // Aborted once the client is gone: an attached session detaches then.
  const clientGone = new AbortController();
  let session: ExecSession;
  try {
    if (call.kind === 'exec') session = await deps.exec(call.ref, command, opts);
    else if (deps.attach) session = await deps.attach(call.ref, opts, clientGone.signal);
    else throw new Error('attach is not supported');
  } catch (err) {
    deps.logger.debug('Remote command refused', { kind: call.kind, err: err instanceof Error ? err.message : String(err) });
    writeUpgradeApiError(socket, err);
    return;
  }
  const held = holdSessionOutput(session);
  let streams;
  try {
    streams = await prepared.accept(socket, head);
  } catch (err) {
    deps.logger.error('Remote command streams were not established', err, { kind: call.kind });
    held.stdin?.end();
    clientGone.abort();
    return;
  }
  void streams.closed.then(() => clientGone.abort());
  await serveExecSession(held, streams, { kind: call.kind, command, logger: deps.logger });
}
