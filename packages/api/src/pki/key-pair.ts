/**
 * Private keys for certificates: generated with Node's native crypto and written as kubeadm's
 * keyutil writes them (SEC1 "EC PRIVATE KEY" for ECDSA, PKCS#1 "RSA PRIVATE KEY" for RSA).
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export type KeyAlgorithm = 'ecdsa-p256' | 'rsa-2048';

const generate = promisify(generateKeyPair);

export async function generatePrivateKey(algorithm: KeyAlgorithm): Promise<KeyObject> {
  const pair =
    algorithm === 'rsa-2048'
      ? await generate('rsa', { modulusLength: 2048 })
      : await generate('ec', { namedCurve: 'prime256v1' });
  return pair.privateKey;
}

export function privateKeyToPem(key: KeyObject): string {
  const type = key.asymmetricKeyType === 'ec' ? 'sec1' : 'pkcs1';
  return key.export({ type, format: 'pem' }).toString();
}

export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** DER SubjectPublicKeyInfo of the key's public half. */
export function subjectPublicKeyInfo(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}
