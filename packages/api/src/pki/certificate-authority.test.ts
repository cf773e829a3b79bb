import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  issueCertificate,
  type CertificateAndKey,
} from './certificate-authority.js';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';

function listen(
  server: CertificateAndKey,
  ca: CertificateAndKey,
  requireClientCert: boolean,
): Promise<Server> {
  const s = createServer(
    {
      cert: server.certPem,
      key: server.keyPem,
      ca: ca.certPem,
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          major: '1',
          minor: '30',
          gitVersion: 'v1.30.0',
          peer: peer.subject ?? null,
        }),
      );
    },
  );
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

function get(url: string, opts: { ca: string; cert?: string; key?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...opts, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createCertificateAuthority / issueCertificate', () => {
  let ca: CertificateAndKey;
  let serving: CertificateAndKey;
  let admin: CertificateAndKey;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    ca = await createCertificateAuthority({ commonName: 'kubernetes' });
    serving = await issueCertificate(ca, {
      commonName: 'kube-apiserver',
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default.svc'],
      ipAddresses: ['127.0.0.1', '::1'],
      usage: 'server',
    });
    admin = await issueCertificate(ca, {
      commonName: 'kubernetes-admin',
      organizations: ['system:masters'],
      usage: 'client',
    });
    server = await listen(serving, ca, true);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('makes a CA certificate with CA:TRUE that signs the leaves', () => {
    const caCert = new X509Certificate(ca.certPem);
    const leaf = new X509Certificate(serving.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toBe('CN=kubernetes');
    expect(leaf.ca).toBe(false);
    expect(leaf.issuer).toBe('CN=kubernetes');
    expect(leaf.checkIssued(caCert)).toBe(true);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe(
      'DNS:localhost, DNS:kubernetes, DNS:kubernetes.default.svc, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new X509Certificate(admin.certPem).subject).toBe(
      'O=system:masters\nCN=kubernetes-admin',
    );
    expect(leaf.serialNumber).not.toBe(new X509Certificate(admin.certPem).serialNumber);
  });

  it('gives each certificate the requested validity, backdated five minutes', async () => {
    const now = Date.UTC(2030, 0, 1);
    const c = await issueCertificate(ca, { commonName: 'x', usage: 'both', validityDays: 10, now });
    const x = new X509Certificate(c.certPem);
    expect(new Date(x.validFrom).getTime()).toBe(now - 5 * 60 * 1000);
    expect(new Date(x.validTo).getTime()).toBe(now + 10 * 24 * 3600 * 1000);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  it.each(['127.0.0.1', 'localhost'])('is trusted by a Node https client for %s', async (host) => {
    const body = await get(`https://${host}:${port}/version`, {
      ca: ca.certPem,
      cert: admin.certPem,
      key: admin.keyPem,
    });
    expect(JSON.parse(body)).toMatchObject({
      gitVersion: 'v1.30.0',
      peer: { CN: 'kubernetes-admin', O: 'system:masters' },
    });
  });

  it('is rejected by a client that trusts another CA', async () => {
    const other = await createCertificateAuthority({ commonName: 'other' });
    await expect(
      get(`https://127.0.0.1:${port}/version`, {
        ca: other.certPem,
        cert: admin.certPem,
        key: admin.keyPem,
      }),
    ).rejects.toMatchObject({ code: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('issues RSA keys and accepts an RSA CA', async () => {
    const rsaCa = await createCertificateAuthority({
      commonName: 'rsa-ca',
      keyAlgorithm: 'rsa-2048',
    });
    const leaf = await issueCertificate(rsaCa, {
      commonName: 'srv',
      ipAddresses: ['127.0.0.1'],
      usage: 'server',
      keyAlgorithm: 'rsa-2048',
    });
    expect(rsaCa.keyPem).toContain('BEGIN RSA PRIVATE KEY');
    const rsaServer = await listen(leaf, rsaCa, false);
    try {
      const body = await get(`https://127.0.0.1:${(rsaServer.address() as AddressInfo).port}/`, {
        ca: rsaCa.certPem,
      });
      expect(JSON.parse(body)).toMatchObject({ major: '1' });
    } finally {
      rsaServer.close();
    }
  });

  it('refuses to issue with a key that does not belong to the CA', async () => {
    const other = await createCertificateAuthority({ commonName: 'other' });
    await expect(
      issueCertificate(
        { certPem: ca.certPem, keyPem: other.keyPem },
        { commonName: 'x', usage: 'client' },
      ),
    ).rejects.toThrow('the CA private key does not match the CA certificate');
  });

  // kubectl (Go's crypto/tls and crypto/x509) is stricter than OpenSSL; when it is installed,
  // prove that it trusts the serving certificate through certificate-authority-data alone.
  describe.runIf(existsSync(KUBECTL))('with the real kubectl', () => {
    const b64 = (s: string): string => Buffer.from(s).toString('base64');

    async function kubectlVersion(server: string, caPem: string): Promise<string> {
      const dir = mkdtempSync(join(tmpdir(), 'kubelab-pki-'));
      try {
        const kubeconfig = join(dir, 'config');
        writeFileSync(
          kubeconfig,
          [
            'apiVersion: v1',
            'kind: Config',
            'clusters:',
            '- name: lab',
            `  cluster: {server: "${server}", certificate-authority-data: ${b64(caPem)}}`,
            'users:',
            '- name: admin',
            `  user: {client-certificate-data: ${b64(admin.certPem)}, client-key-data: ${b64(admin.keyPem)}}`,
            'contexts:',
            '- name: lab',
            '  context: {cluster: lab, user: admin}',
            'current-context: lab',
            '',
          ].join('\n'),
        );
        const args = [
          '--kubeconfig',
          kubeconfig,
          '--cache-dir',
          join(dir, 'cache'),
          'get',
          '--raw',
          '/version',
        ];
        const env = { PATH: process.env['PATH'] ?? '', HOME: dir };
        return (await run(KUBECTL, args, { env })).stdout;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it.each(['127.0.0.1', 'localhost'])(
      'verifies the server as %s and presents the client cert',
      async (host) => {
        const stdout = await kubectlVersion(`https://${host}:${port}`, ca.certPem);
        expect(JSON.parse(stdout)).toMatchObject({
          gitVersion: 'v1.30.0',
          peer: { CN: 'kubernetes-admin' },
        });
      },
    );

    it('fails verification when the kubeconfig names another CA', async () => {
      const other = await createCertificateAuthority({ commonName: 'other' });
      await expect(
        kubectlVersion(`https://127.0.0.1:${port}`, other.certPem),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining('x509: certificate signed by unknown authority'),
      });
    });
  });
});
