/**
 * Reads back what issuing needs from an existing CA certificate: its raw subject Name (copied
 * byte for byte into the issuer field, so chain building matches) and its subject key id.
 */
import { X509Certificate } from 'node:crypto';
import { TAG, decodeObjectIdentifier, readChildren, readElement } from './der.js';
import { OID, keyIdentifier } from './x509-fields.js';

export interface CaCertificateInfo {
  subjectName: Buffer;
  subjectKeyId: Buffer;
  x509: X509Certificate;
}

function subjectKeyIdFrom(extensionsEl: { content: Buffer } | undefined): Buffer | undefined {
  if (!extensionsEl) return undefined;
  const [list] = readChildren(extensionsEl.content);
  for (const ext of list ? readChildren(list.content) : []) {
    const [id, ...rest] = readChildren(ext.content);
    if (!id || decodeObjectIdentifier(id.content) !== OID.subjectKeyIdentifier) continue;
    const value = rest[rest.length - 1];
    if (value) return readElement(value.content).content;
  }
  return undefined;
}

export function parseCaCertificate(certPem: string): CaCertificateInfo {
  const x509 = new X509Certificate(certPem);
  if (!x509.ca)
    throw new Error('x509: the issuing certificate is not a CA (basicConstraints CA:FALSE)');
  const cert = readElement(x509.raw);
  const [tbs] = readChildren(cert.content);
  if (!tbs) throw new Error('x509: malformed certificate');
  const fields = readChildren(tbs.content);
  // version [0] is optional; after it: serial, signature, issuer, validity, subject, spki.
  const base = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[base + 4];
  const spki = fields[base + 5];
  if (subject?.tag !== TAG.SEQUENCE || spki?.tag !== TAG.SEQUENCE) {
    throw new Error('x509: malformed certificate');
  }
  const extensions = fields.find((f) => f.tag === 0xa3);
  return {
    subjectName: subject.raw,
    subjectKeyId: subjectKeyIdFrom(extensions) ?? keyIdentifier(spki.raw),
    x509,
  };
}
