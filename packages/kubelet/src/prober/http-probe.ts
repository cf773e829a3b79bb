/**
 * httpGet probes (pkg/probe/http): GET with the probe's headers (User-Agent kube-probe/1.32
 * and an Accept of any type unless given), no keep-alive, TLS without verification. 200-399 succeeds;
 * redirects are followed only to the same host (at most 10), a redirect elsewhere ends the
 * probe with a warning (success); other statuses fail with `HTTP probe failed with statuscode:
 * <code>`; connection errors and timeouts fail with Go's client error text.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock, Container } from '@kubelab/api';
import { httpClientErrorMessage, joinHostPort, type HttpErrorContext } from './go-net-error.js';
import { failure, MAX_PROBE_OUTPUT_BYTES, probeUserAgent, success, type ProbeOutcome } from './probe-outcome.js';
import { withTimeout } from './probe-timeout.js';
import { resolveContainerPort } from './resolve-container-port.js';

export interface HttpProbeRequest {
  url: URL;
  /** The URL as Go prints it (the port always shown), for messages. */
  display: string;
  headers: [string, string][];
  timeoutMs: number;
}

const MAX_REDIRECTS = 10;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

export interface HttpGetAction {
  path?: string;
  port: number | string;
  host?: string;
  scheme?: string;
  httpHeaders?: { name: string; value: string }[];
}

/** NewRequestForHTTPGetAction: scheme, host (default the pod IP), port, path and headers. */
export function buildHttpProbeRequest(
  action: HttpGetAction,
  container: Pick<Container, 'ports'>,
  podIp: string,
  timeoutMs: number,
): HttpProbeRequest {
  const scheme = (action.scheme ?? '').toLowerCase() || 'http';
  const host = action.host || podIp;
  const port = resolveContainerPort(action.port, container);
  const path = action.path ?? '';
  const display = `${scheme}://${joinHostPort(host, port)}${path.startsWith('/') ? '' : '/'}${path}`;
  const url = new URL(display);
  const headers: [string, string][] = (action.httpHeaders ?? []).map((h) => [h.name, h.value]);
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
  if (!has('User-Agent')) headers.push(['User-Agent', probeUserAgent()]);
  if (!has('Accept')) headers.push(['Accept', '*/*']);
  return {
    url,
    display,
    headers: headers.filter(([n, v]) => !(n.toLowerCase() === 'accept' && v === '')),
    timeoutMs,
  };
}

interface Exchange {
  res: IncomingMessage;
  body: Buffer;
}

function getOnce(url: URL, headers: [string, string][], signal: AbortSignal, ctx: HttpErrorContext): Promise<Exchange> {
  const outgoing: OutgoingHttpHeaders = {};
  for (const [name, value] of headers) {
    const prev = outgoing[name];
    outgoing[name] = prev === undefined ? value : ([] as string[]).concat(prev as string, value);
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Exchange>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: outgoing, agent: false, rejectUnauthorized: false, signal });
    req.on('socket', (socket) => {
      const connected = (): void => {
        ctx.connected = true;
        ctx.localAddr = socket.localAddress ? joinHostPort(socket.localAddress, socket.localPort ?? 0) : undefined;
      };
      if (!socket.connecting) connected();
      else socket.once('connect', connected);
    });
    req.on('error', (err) => reject(signal.aborted ? signal.reason : err));
    req.on('response', (res) => {
      ctx.gotHeaders = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_PROBE_OUTPUT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks).subarray(0, MAX_PROBE_OUTPUT_BYTES) }));
      res.on('error', (err) => reject(signal.aborted ? signal.reason : err));
    });
    req.end();
  });
}

/** DoHTTPProbe with the kubelet's redirect policy (followNonLocalRedirects=false). */
export async function runHttpProbe(clock: Clock, req: HttpProbeRequest): Promise<ProbeOutcome> {
  let url = req.url;
  const ctx = (u: URL, display = u.href): HttpErrorContext => {
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return { url: display, addr: joinHostPort(host, port), host, connected: false, gotHeaders: false };
  };
  let current = ctx(url, req.display);
  try {
    const { res, body } = await withTimeout(clock, req.timeoutMs, async (signal) => {
      for (let via = 0; ; via++) {
        current = via === 0 ? ctx(url, req.display) : ctx(url);
        const exchange = await getOnce(url, req.headers, signal, current);
        const location = exchange.res.headers.location;
        if (!REDIRECT_CODES.has(exchange.res.statusCode ?? 0) || !location) return exchange;
        const next = new URL(location, url);
        if (next.hostname !== req.url.hostname) return exchange;
        if (via + 1 >= MAX_REDIRECTS) {
          current = { ...ctx(next), connected: true };
          throw new Error('stopped after 10 redirects');
        }
        url = next;
      }
    });
    const code = res.statusCode ?? 0;
    if (code >= 200 && code < 400) {
      if (code >= 300) return { result: 'warning', output: `Probe terminated redirects, Response body: ${body.toString('utf8')}` };
      return success(body.toString('utf8'));
    }
    return failure(`HTTP probe failed with statuscode: ${code}`);
  } catch (err) {
    return failure(httpClientErrorMessage(current, err));
  }
}
