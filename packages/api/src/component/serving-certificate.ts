/**
 * The HTTPS serving certificate of a component: from --tls-cert-file/--tls-private-key-file,
 * or, when none is given, generated in memory as SecureServingOptions.
 * MaybeDefaultWithSelfSignedCerts does: a CA `localhost-ca@<unix seconds>` signing
 * `localhost@<unix seconds>` for localhost and 127.0.0.1, valid for one year, served as a chain.
 */
import { readFileSync } from 'node:fs';
import {
  createCertificateAuthority,
  issueCertificate,
  type CertificateAndKey,
} from '../pki/certificate-authority.js';

export async function selfSignedServingCertificate(now: number = Date.now()): Promise<CertificateAndKey> {
  const stamp = Math.floor(now / 1000);
  const ca = await createCertificateAuthority({ commonName: `localhost-ca@${stamp}`, validityDays: 365, now });
  const leaf = await issueCertificate(ca, {
    commonName: `localhost@${stamp}`,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
    usage: 'server',
    validityDays: 365,
    now,
  });
  return { certPem: `${leaf.certPem.trimEnd()}\n${ca.certPem.trimEnd()}\n`, keyPem: leaf.keyPem };
}

export async function servingCertificate(
  certFile: string,
  keyFile: string,
  now?: number,
): Promise<CertificateAndKey> {
  if (certFile && keyFile) {
    return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
  }
  return selfSignedServingCertificate(now);
}
