/** ServiceAccount validation: ObjectMeta only (pkg/apis/core/validation ValidateServiceAccount*). */
import type { ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const validate = (sa: ServiceAccount) =>
  validateObjectMeta(sa.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });

export const serviceAccountValidation: KindValidation<ServiceAccount> = {
  create: validate,
  update: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validate(n)],
};
