/** ConfigMap validation (pkg/apis/core/validation ValidateConfigMap / ValidateConfigMapUpdate). */
import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import { FieldPath, forbiddenField, invalidValue, tooLong, type FieldError } from './field-errors.js';
import { deepEqual } from './common.js';
import type { KindValidation } from './kind-validation.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

/** core.MaxSecretSize, shared by Secrets and ConfigMaps. */
export const MAX_SECRET_SIZE = 1024 * 1024;

function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  const data = FieldPath.root('data');
  const binary = FieldPath.root('binaryData');
  let total = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(key)) errs.push(invalidValue(data.key(key), key, m));
    if (cm.binaryData && key in cm.binaryData) {
      errs.push(invalidValue(data.key(key), key, 'duplicate of key present in binaryData'));
    }
    total += Buffer.byteLength(value);
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(key)) errs.push(invalidValue(binary.key(key), key, m));
    total += Buffer.from(value, 'base64').length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

export const configMapValidation: KindValidation<ConfigMap> = {
  create: validateConfigMap,
  update: (n, o) => {
    const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
    if (o.immutable === true) {
      const msg = 'field is immutable when `immutable` is set';
      if (n.immutable !== true) errs.push(forbiddenField('immutable', msg));
      if (!deepEqual(n.data, o.data)) errs.push(forbiddenField('data', msg));
      if (!deepEqual(n.binaryData, o.binaryData)) errs.push(forbiddenField('binaryData', msg));
    }
    return [...errs, ...validateConfigMap(n)];
  },
};
