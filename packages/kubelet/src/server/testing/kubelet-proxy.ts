/**
 * What the apiserver does with pods/exec, attach, portforward and log (pod-connect.ts, kubelet-connector.ts in
 * @kubelab/apiserver), reduced for tests: rewrite to the kubelet's URL and parameter names and
 * relay bytes, authenticating with the apiserver's kubelet client certificate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { TestKubelet } from './test-kubelet.js';

const POD_SUBRESOURCE = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|attach|log|portforward)$/;

function target(url: URL): { ns: string; pod: string; sub: string; container: string } {
  const m = POD_SUBRESOURCE.exec(url.pathname);
  if (!m) throw new Error(`not a pod subresource: ${url.pathname}`);
  return { ns: m[1] as string, pod: m[2] as string, sub: m[3] as string, container: url.searchParams.get('container') ?? 'main' };
}

export function kubeletExecUrl(url: URL): string {
  const t = target(url);
  if (t.sub === 'portforward') {
    const ports = url.searchParams.getAll('ports');
    return `/portForward/${t.ns}/${t.pod}${ports.length ? `?port=${ports.join(',')}` : ''}`;
  }
  const q = new URLSearchParams();
  for (const c of url.searchParams.getAll('command')) q.append('command', c);
  const names: Record<string, string> = { stdin: 'input', stdout: 'output', stderr: 'error', tty: 'tty' };
  for (const [from, to] of Object.entries(names)) if (url.searchParams.get(from) === 'true') q.set(to, '1');
  return `/${t.sub}/${t.ns}/${t.pod}/${t.container}?${q.toString()}`;
}

export function proxyUpgradeToKubelet(k: TestKubelet, req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
  const upstream = tls.connect({
    host: '127.0.0.1',
    port: k.port,
    ca: k.pki.ca.certPem,
    cert: k.pki.apiserverClient.certPem,
    key: k.pki.apiserverClient.keyPem,
  });
  upstream.once('secureConnect', () => {
    let text = `${req.method ?? 'GET'} ${kubeletExecUrl(url)} HTTP/1.1\r\nHost: 127.0.0.1:${k.port}\r\n`;
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] as string;
      if (['host', 'authorization'].includes(name.toLowerCase())) continue;
      text += `${name}: ${req.rawHeaders[i + 1] ?? ''}\r\n`;
    }
    upstream.write(`${text}\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = (): void => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  // Half-closes travel through; once one side is gone, keep reading the other to its end.
  upstream.on('end', () => socket.end());
  socket.on('end', () => upstream.end());
  upstream.on('close', () => {
    socket.end();
    socket.resume();
  });
  socket.on('close', () => upstream.destroy());
}

export function proxyLogToKubelet(k: TestKubelet, res: ServerResponse, url: URL): void {
  const t = target(url);
  const q = new URLSearchParams();
  for (const p of ['follow', 'previous', 'sinceSeconds', 'sinceTime', 'timestamps', 'tailLines', 'limitBytes']) {
    const v = url.searchParams.get(p);
    if (v !== null) q.set(p, v);
  }
  https
    .get(
      {
        host: '127.0.0.1',
        port: k.port,
        path: `/containerLogs/${t.ns}/${t.pod}/${t.container}?${q.toString()}`,
        ca: k.pki.ca.certPem,
        cert: k.pki.apiserverClient.certPem,
        key: k.pki.apiserverClient.keyPem,
        agent: false,
      },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 500, { 'Content-Type': upstream.headers['content-type'] ?? 'text/plain' });
        upstream.pipe(res);
      },
    )
    .on('error', () => res.destroy());
}
