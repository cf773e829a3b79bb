/** A tiny HTTPS GET for the component tests (the serving certificate is self-signed). */
import { get } from 'node:https';
import type { TLSSocket } from 'node:tls';

export function httpsGet(port: number, path: string): Promise<{ status: number; body: string; cn: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, rejectUnauthorized: false, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        const socket = res.socket as TLSSocket;
        const cn = String(socket.getPeerCertificate?.()?.subject?.CN ?? '');
        resolve({ status: res.statusCode ?? 0, body, cn });
      });
    });
    req.on('error', reject);
  });
}
