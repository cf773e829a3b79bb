/**
 * Assembles a TBSCertificate (RFC 5280 4.1) and signs it with the issuer's key through Node's
 * crypto: ecdsa-with-SHA256 for EC keys, sha256WithRSAEncryption for RSA keys.
 */
import { sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  contextTag,
  integer,
  nullValue,
  objectIdentifier,
  sequence,
  time,
} from './der.js';
import {
  OID,
  authorityKeyIdExtension,
  basicConstraintsExtension,
  encodeName,
  extKeyUsageExtension,
  keyIdentifier,
  keyUsageExtension,
  subjectAltNameExtension,
  subjectKeyIdExtension,
  type DistinguishedName,
  type KeyUsage,
} from './x509-fields.js';

export interface CertificateTemplate {
  /** Positive, at most 20 bytes, big-endian. */
  serialNumber: Buffer;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
  keyUsage: KeyUsage[];
  extKeyUsage: ('serverAuth' | 'clientAuth')[];
  dnsNames: string[];
  ipAddresses: string[];
}

/** Who signs: the issuer's DER Name (exactly as in its certificate), key id and private key. */
export interface Issuer {
  name: Buffer;
  keyId: Buffer | undefined;
  privateKey: KeyObject;
}

function signatureAlgorithm(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === 'ec') return sequence(objectIdentifier(OID.ecdsaWithSha256));
  if (key.asymmetricKeyType === 'rsa')
    return sequence(objectIdentifier(OID.sha256WithRsa), nullValue());
  throw new Error(`x509: unsupported issuer key type ${String(key.asymmetricKeyType)}`);
}

function extensions(t: CertificateTemplate, spki: Buffer, issuer: Issuer | 'self'): Buffer {
  const list = [
    keyUsageExtension(t.keyUsage),
    ...(t.extKeyUsage.length ? [extKeyUsageExtension(t.extKeyUsage)] : []),
    basicConstraintsExtension(t.isCA),
    subjectKeyIdExtension(keyIdentifier(spki)),
  ];
  if (issuer !== 'self' && issuer.keyId) list.push(authorityKeyIdExtension(issuer.keyId));
  if (t.dnsNames.length || t.ipAddresses.length) {
    list.push(subjectAltNameExtension(t.dnsNames, t.ipAddresses));
  }
  return contextTag(3, sequence(...list), true);
}

/**
 * The DER certificate for `template` carrying `subjectKey`'s public key, signed by `issuer`
 * (or by the subject key itself when issuer is 'self').
 */
export function signCertificate(
  template: CertificateTemplate,
  subjectSpki: Buffer,
  issuer: Issuer | 'self',
  selfKey?: KeyObject,
): Buffer {
  const signer = issuer === 'self' ? selfKey : issuer.privateKey;
  if (!signer) throw new Error('x509: a self-signed certificate needs its own private key');
  const subjectName = encodeName(template.subject);
  const algorithm = signatureAlgorithm(signer);
  const tbs = sequence(
    contextTag(0, integer(2), true),
    integer(template.serialNumber),
    algorithm,
    issuer === 'self' ? subjectName : issuer.name,
    sequence(time(template.notBefore), time(template.notAfter)),
    subjectName,
    subjectSpki,
    extensions(template, subjectSpki, issuer),
  );
  const signature = sign('sha256', tbs, signer);
  return sequence(tbs, algorithm, bitString(signature));
}

export function derToPem(der: Buffer, label = 'CERTIFICATE'): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
