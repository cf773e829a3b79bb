/**
 * Encoders for the parts of an X.509 v3 certificate (RFC 5280): distinguished names and the
 * extensions kubeadm's certificates carry. Pure.
 */
import { createHash } from 'node:crypto';
import {
  bitString,
  boolean,
  contextTag,
  directoryString,
  objectIdentifier,
  octetString,
  readChildren,
  readElement,
  sequence,
  set,
} from './der.js';
import { ipAddressBytes } from './ip-address.js';

export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export interface DistinguishedName {
  commonName: string;
  organizations?: string[];
}

/** Organizations first, then the common name, one attribute per RDN (Go's ToRDNSequence). */
export function encodeName(name: DistinguishedName): Buffer {
  const rdn = (oid: string, value: string): Buffer =>
    set(sequence(objectIdentifier(oid), directoryString(value)));
  const rdns = (name.organizations ?? []).map((o) => rdn(OID.organization, o));
  rdns.push(rdn(OID.commonName, name.commonName));
  return sequence(...rdns);
}

export type KeyUsage =
  | 'digitalSignature'
  | 'contentCommitment'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

const KEY_USAGE_BITS: Record<KeyUsage, number> = {
  digitalSignature: 0,
  contentCommitment: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
};

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  const parts = [objectIdentifier(oid)];
  if (critical) parts.push(boolean(true));
  parts.push(octetString(value));
  return sequence(...parts);
}

/** keyUsage as a DER named-bit BIT STRING (trailing zero bits dropped). */
export function keyUsageExtension(usages: KeyUsage[]): Buffer {
  let bits = 0;
  let highest = 0;
  for (const u of usages) {
    const bit = KEY_USAGE_BITS[u];
    bits |= 0x80 >> bit;
    highest = Math.max(highest, bit);
  }
  return extension(OID.keyUsage, true, bitString(Buffer.from([bits]), 7 - highest));
}

export function extKeyUsageExtension(usages: ('serverAuth' | 'clientAuth')[]): Buffer {
  return extension(
    OID.extKeyUsage,
    false,
    sequence(...usages.map((u) => objectIdentifier(OID[u]))),
  );
}

/** CA:TRUE for authorities; an empty SEQUENCE (CA:FALSE) for leaves, as Go writes it. */
export function basicConstraintsExtension(isCA: boolean): Buffer {
  return extension(OID.basicConstraints, true, isCA ? sequence(boolean(true)) : sequence());
}

export function subjectKeyIdExtension(keyId: Buffer): Buffer {
  return extension(OID.subjectKeyIdentifier, false, octetString(keyId));
}

export function authorityKeyIdExtension(keyId: Buffer): Buffer {
  return extension(OID.authorityKeyIdentifier, false, sequence(contextTag(0, keyId, false)));
}

export function subjectAltNameExtension(dnsNames: string[], ipAddresses: string[]): Buffer {
  const names = [
    ...dnsNames.map((d) => contextTag(2, Buffer.from(d, 'ascii'), false)),
    ...ipAddresses.map((ip) => contextTag(7, ipAddressBytes(ip), false)),
  ];
  return extension(OID.subjectAltName, false, sequence(...names));
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits. */
export function keyIdentifier(spki: Buffer): Buffer {
  const [, key] = readChildren(readElement(spki).content);
  if (!key) throw new Error('x509: malformed SubjectPublicKeyInfo');
  return createHash('sha1').update(key.content.subarray(1)).digest();
}
