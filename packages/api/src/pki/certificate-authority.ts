/**
 * Cluster PKI as kubeadm's certs phase makes it: a self-signed CA (10 years) and leaf
 * certificates (1 year) for servers (SANs for DNS names and IPs) and clients (CN = user,
 * O = groups). Validity starts five minutes in the past (kubeadm's CertificateBackdate).
 */
import { randomBytes } from 'node:crypto';
import {
  generatePrivateKey,
  loadPrivateKey,
  privateKeyToPem,
  subjectPublicKeyInfo,
  type KeyAlgorithm,
} from './key-pair.js';
import { parseCaCertificate } from './parse-certificate.js';
import { derToPem, signCertificate } from './sign-certificate.js';
import type { KeyUsage } from './x509-fields.js';

export interface CertificateAndKey {
  certPem: string;
  keyPem: string;
}

export interface CaOptions {
  commonName: string;
  /** Default 3650 (kubeadm's CA validity of ten years). */
  validityDays?: number;
  keyAlgorithm?: KeyAlgorithm;
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
}

export type CertificateUsage = 'server' | 'client' | 'both';

export interface CertificateOptions {
  commonName: string;
  organizations?: string[];
  dnsNames?: string[];
  ipAddresses?: string[];
  usage: CertificateUsage;
  /** Default 365 (kubeadm's leaf validity of one year). */
  validityDays?: number;
  keyAlgorithm?: KeyAlgorithm;
  now?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BACKDATE_MS = 5 * 60 * 1000;

/** 128 random bits with the top bit clear: positive and unique. */
function newSerialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  return serial;
}

function validity(now: number | undefined, days: number): { notBefore: Date; notAfter: Date } {
  const t = now ?? Date.now();
  return { notBefore: new Date(t - BACKDATE_MS), notAfter: new Date(t + days * DAY_MS) };
}

/** digitalSignature always; keyEncipherment only where the key can encipher (RSA). */
function baseKeyUsage(algorithm: KeyAlgorithm): KeyUsage[] {
  return algorithm === 'rsa-2048' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];
}

export async function createCertificateAuthority(opts: CaOptions): Promise<CertificateAndKey> {
  const algorithm = opts.keyAlgorithm ?? 'ecdsa-p256';
  const key = await generatePrivateKey(algorithm);
  const der = signCertificate(
    {
      serialNumber: newSerialNumber(),
      subject: { commonName: opts.commonName },
      ...validity(opts.now, opts.validityDays ?? 3650),
      isCA: true,
      keyUsage: [...baseKeyUsage(algorithm), 'keyCertSign'],
      extKeyUsage: [],
      dnsNames: [],
      ipAddresses: [],
    },
    subjectPublicKeyInfo(key),
    'self',
    key,
  );
  return { certPem: derToPem(der), keyPem: privateKeyToPem(key) };
}

const EXT_KEY_USAGE: Record<CertificateUsage, ('serverAuth' | 'clientAuth')[]> = {
  server: ['serverAuth'],
  client: ['clientAuth'],
  both: ['serverAuth', 'clientAuth'],
};

export async function issueCertificate(
  ca: CertificateAndKey,
  opts: CertificateOptions,
): Promise<CertificateAndKey> {
  const caInfo = parseCaCertificate(ca.certPem);
  const caKey = loadPrivateKey(ca.keyPem);
  if (!caInfo.x509.checkPrivateKey(caKey)) {
    throw new Error('x509: the CA private key does not match the CA certificate');
  }
  const algorithm = opts.keyAlgorithm ?? 'ecdsa-p256';
  const key = await generatePrivateKey(algorithm);
  const subject: { commonName: string; organizations?: string[] } = { commonName: opts.commonName };
  if (opts.organizations?.length) subject.organizations = opts.organizations;
  const der = signCertificate(
    {
      serialNumber: newSerialNumber(),
      subject,
      ...validity(opts.now, opts.validityDays ?? 365),
      isCA: false,
      keyUsage: baseKeyUsage(algorithm),
      extKeyUsage: EXT_KEY_USAGE[opts.usage],
      dnsNames: opts.dnsNames ?? [],
      ipAddresses: opts.ipAddresses ?? [],
    },
    subjectPublicKeyInfo(key),
    { name: caInfo.subjectName, keyId: caInfo.subjectKeyId, privateKey: caKey },
  );
  return { certPem: derToPem(der), keyPem: privateKeyToPem(key) };
}
