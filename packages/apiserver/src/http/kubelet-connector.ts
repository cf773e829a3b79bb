/**
 * How the apiserver reaches a kubelet (pods/log, pods/exec): the node's InternalIP and
 * daemonEndpoints.kubeletEndpoint.Port from its status, over HTTPS, authenticating with the
 * apiserver's kubelet client certificate (--kubelet-client-certificate/--kubelet-client-key).
 */
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { Node } from '@kubelab/api';
import { ApiError, badRequest } from '@kubelab/api';

export interface KubeletClientConfig {
  certPem?: string;
  keyPem?: string;
  /** Verify the kubelet's serving certificate against this CA; unset: not verified (as upstream). */
  caPem?: string;
  /** Bearer token to present instead of / beside the client certificate. */
  token?: string;
}

export interface KubeletConnector {
  /** GET a kubelet path and return the streaming response. */
  get(node: Node, path: string, signal: AbortSignal): Promise<IncomingMessage>;
  /** Forwards an upgrade request (exec, attach, port-forward) to the kubelet byte for byte. */
  upgrade(node: Node, path: string, req: IncomingMessage, client: Duplex, head: Buffer): Promise<void>;
}

export function kubeletAddress(node: Node): { host: string; port: number } {
  const port = node.status?.daemonEndpoints?.kubeletEndpoint?.Port;
  const addrs = node.status?.addresses ?? [];
  const host =
    addrs.find((a) => a.type === 'InternalIP')?.address ??
    addrs.find((a) => a.type === 'ExternalIP')?.address ??
    addrs.find((a) => a.type === 'Hostname')?.address;
  if (!port || !host) {
    throw badRequest(`no preferred addresses found; known addresses: [${addrs.map((a) => `{${a.type} ${a.address}}`).join(' ')}]`);
  }
  return { host, port };
}

const HOP_HEADERS = new Set(['authorization', 'host', 'content-length', 'transfer-encoding']);

export class HttpsKubeletConnector implements KubeletConnector {
  private readonly agent: https.Agent;

  constructor(private readonly cfg: KubeletClientConfig) {
    this.agent = new https.Agent({
      keepAlive: true,
      cert: cfg.certPem,
      key: cfg.keyPem,
      ca: cfg.caPem,
      rejectUnauthorized: !!cfg.caPem,
    });
  }

  get(node: Node, path: string, signal: AbortSignal): Promise<IncomingMessage> {
    const { host, port } = kubeletAddress(node);
    return new Promise((resolve, reject) => {
      const req = https.request(
        { host, port, path, method: 'GET', agent: this.agent, headers: this.authHeaders(), signal },
        resolve,
      );
      req.on('error', (err) => reject(unreachable(node, err)));
      req.end();
    });
  }

  async upgrade(node: Node, path: string, req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    const { host, port } = kubeletAddress(node);
    const upstream = tls.connect({
      host,
      port,
      cert: this.cfg.certPem,
      key: this.cfg.keyPem,
      ca: this.cfg.caPem,
      rejectUnauthorized: !!this.cfg.caPem,
      servername: isIp(host) ? undefined : host,
    });
    await new Promise<void>((resolve, reject) => {
      upstream.once('secureConnect', resolve);
      upstream.once('error', (err) => reject(unreachable(node, err)));
    });
    let head1 = `${req.method ?? 'GET'} ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\n`;
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const k = req.rawHeaders[i] as string;
      if (HOP_HEADERS.has(k.toLowerCase())) continue;
      head1 += `${k}: ${req.rawHeaders[i + 1] ?? ''}\r\n`;
    }
    for (const [k, v] of Object.entries(this.authHeaders())) head1 += `${k}: ${v}\r\n`;
    upstream.write(`${head1}\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
    const close = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
    // When either side is done, finish the other and let go of both sockets (a half-open
    // client would otherwise stay paused forever).
    upstream.on('close', () => {
      client.resume();
      client.end(() => client.destroy());
    });
    client.on('close', () => upstream.destroy());
  }

  private authHeaders(): Record<string, string> {
    return this.cfg.token ? { Authorization: `Bearer ${this.cfg.token}` } : {};
  }
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

function unreachable(node: Node, err: unknown): ApiError {
  const msg = err instanceof Error ? err.message : String(err);
  return new ApiError('InternalError', `Internal error occurred: error dialing backend: ${msg}`, {
    details: { causes: [{ message: `error dialing backend: ${msg}` }], name: node.metadata?.name },
  });
}
