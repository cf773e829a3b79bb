/**
 * Secret validation (pkg/apis/core/validation ValidateSecret / ValidateSecretUpdate). Data values
 * are base64 in JSON; stringData entries count as data (the apiserver merges them on decode).
 */
import type { Secret } from 'kubernetes-types/core/v1.js';
import { FieldPath, forbiddenField, invalidValue, required, tooLong, type FieldError } from './field-errors.js';
import { deepEqual, validateImmutable } from './common.js';
import { MAX_SECRET_SIZE } from './configmap.js';
import type { KindValidation } from './kind-validation.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

/** Decoded data: key → bytes. */
export function secretData(secret: Secret): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(secret.data ?? {})) out.set(k, Buffer.from(v, 'base64'));
  for (const [k, v] of Object.entries(secret.stringData ?? {})) out.set(k, Buffer.from(v, 'utf8'));
  return out;
}

function validateJSON(data: Map<string, Buffer>, key: string, p: FieldPath): FieldError[] {
  const bytes = data.get(key);
  if (!bytes) return [required(p.key(key))];
  try {
    JSON.parse(bytes.toString('utf8'));
    return [];
  } catch (e) {
    return [invalidValue(p.key(key), '<secret contents redacted>', (e as Error).message)];
  }
}

function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  const dp = FieldPath.root('data');
  const data = secretData(secret);
  let total = 0;
  for (const [key, value] of data) {
    for (const m of isConfigMapKey(key)) errs.push(invalidValue(dp.key(key), key, m));
    total += value.length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dp, MAX_SECRET_SIZE));
  switch (secret.type ?? '') {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(FieldPath.root('metadata').child('annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...validateJSON(data, '.dockercfg', dp));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...validateJSON(data, '.dockerconfigjson', dp));
      break;
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) {
        errs.push(required(dp.key('username')), required(dp.key('password')));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey')?.length ?? 0) === 0) errs.push(required(dp.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!data.has('tls.crt')) errs.push(required(dp.key('tls.crt')));
      if (!data.has('tls.key')) errs.push(required(dp.key('tls.key')));
      break;
    default:
      break;
  }
  return errs;
}

export const secretValidation: KindValidation<Secret> = {
  create: validateSecret,
  update: (n, o) => {
    const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
    errs.push(...validateImmutable(n.type ?? '', o.type ?? '', FieldPath.root('type')));
    if (o.immutable === true) {
      const msg = 'field is immutable when `immutable` is set';
      if (n.immutable !== true) errs.push(forbiddenField('immutable', msg));
      if (!deepEqual(n.data, o.data)) errs.push(forbiddenField('data', msg));
    }
    return [...errs, ...validateSecret(n)];
  },
};
