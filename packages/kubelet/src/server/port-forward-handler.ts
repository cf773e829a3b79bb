/**
 * /portForward upgrades (Server.getPortForward): check the request and the transport, find the
 * pod's forwarder through the core, then switch protocols and forward until the client leaves.
 * Every refusal comes before the switch, as an HTTP error the apiserver relays to kubectl.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@kubelab/api';
import type { PortForwarder } from '../streaming/index.js';
import { isUpgradeRejection, preparePortForwardUpgrade, statusBody, writeUpgradeError } from '../streaming/index.js';
import { writeUpgradeApiError } from './exec-handler.js';
import type { KubeletServerOptions, PodStreamRef } from './kubelet-server-options.js';

export interface PortForwardHandlerDeps {
  portForward: NonNullable<KubeletServerOptions['portForward']>;
  logger: Logger;
  streamCreationTimeoutMs?: number;
}

export async function servePortForward(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  call: { ref: PodStreamRef; query: URLSearchParams },
  deps: PortForwardHandlerDeps,
): Promise<void> {
  const prepared = preparePortForwardUpgrade(req, call.query, { logger: deps.logger, streamCreationTimeoutMs: deps.streamCreationTimeoutMs });
  if (isUpgradeRejection(prepared)) {
    writeUpgradeError(socket, prepared.code, statusBody(prepared.code, prepared.message));
    return;
  }
  let forwarder: PortForwarder;
  try {
    forwarder = await deps.portForward(call.ref);
  } catch (err) {
    deps.logger.debug('Port forward refused', { pod: `${call.ref.namespace}/${call.ref.pod}`, err: err instanceof Error ? err.message : String(err) });
    writeUpgradeApiError(socket, err);
    return;
  }
  deps.logger.debug('Port forwarding', { pod: `${call.ref.namespace}/${call.ref.pod}`, transport: prepared.transport });
  await prepared.serve(socket, head, forwarder);
}
