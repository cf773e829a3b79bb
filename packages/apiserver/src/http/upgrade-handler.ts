/**
 * Upgrade requests (pods/exec, pods/attach, pods/portforward over WebSocket or SPDY):
 * authenticated and authorized like any request, then forwarded byte for byte to the kubelet of
 * the pod's node, which speaks every transport itself (also SPDY tunnelled in a WebSocket).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, badRequest, unauthorized } from '@kubelab/api';
import type { Authenticator } from '../auth/authenticator.js';
import { authorizeOrThrow, notFoundResource } from './api-dispatch.js';
import type { ServerDeps } from './handler-context.js';
import { findPodTarget, findTarget, kubeletExecPath, kubeletPortForwardPath } from './pod-connect.js';
import { parseRequestInfo } from './request-info.js';
import { toApiError } from './responses.js';

function rejectUpgrade(socket: Duplex, err: unknown): void {
  const e = toApiError(err);
  const body = JSON.stringify(e.toStatus());
  const text = `HTTP/1.1 ${e.code} ${statusText(e.code)}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
  socket.end(text);
}

type ConnectSubresource = 'exec' | 'attach' | 'portforward';

function isConnectSubresource(s: string): s is ConnectSubresource {
  return s === 'exec' || s === 'attach' || s === 'portforward';
}

function statusText(code: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[code] ?? 'Error';
}

export function createUpgradeHandler(deps: ServerDeps, authenticator: Authenticator) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const run = async (): Promise<void> => {
      const url = new URL(req.url ?? '/', 'https://apiserver');
      const user = authenticator.authenticate(req.headers.authorization);
      if (!user) throw unauthorized();
      const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
      const kind = info.subresource;
      if (!info.isResourceRequest || info.resource !== 'pods' || info.group !== '' || !isConnectSubresource(kind)) {
        throw notFoundResource();
      }
      // Authorized as "create pods/<subresource>" (kubectl's POST) or "get" (WebSocket GET).
      authorizeOrThrow(deps, { ...info, verb: 'create' }, user);
      if (kind === 'portforward') {
        // Ports travel in the streams (SPDY, tunnelled or not) or the query (plain WebSocket).
        const { pod, node } = findPodTarget(deps.registry, info.namespace, info.name);
        if (!node) throw badRequest(`pod ${info.name} does not have a host assigned`);
        await deps.kubelet.upgrade(node, kubeletPortForwardPath(pod, url.searchParams), req, socket, head);
        return;
      }
      const target = findTarget(deps.registry, info.namespace, info.name, url.searchParams.get('container'));
      const phase = target.pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        // kubectl's own wording (it checks first): exec "into" a container, attach "a" container.
        const what = kind === 'exec' ? 'exec into' : 'attach';
        throw badRequest(`cannot ${what} a container in a completed pod; current phase is ${phase}`);
      }
      if (!target.node) throw badRequest(`pod ${info.name} does not have a host assigned`);
      await deps.kubelet.upgrade(target.node, kubeletExecPath(kind, target, url.searchParams), req, socket, head);
    };
    run().catch((err: unknown) => {
      if (!(err instanceof ApiError)) deps.logger.error('Upgrade request failed', err);
      rejectUpgrade(socket, err);
    });
  };
}
