/** ControllerRevision validation (pkg/apis/apps/validation ValidateControllerRevision*). */
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import { FieldPath, required, type FieldError } from './field-errors.js';
import { validateImmutable, validateNonnegative } from './common.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

function validateRevision(cr: ControllerRevision): FieldError[] {
  const errs = validateObjectMeta(cr.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  if (cr.data === undefined || cr.data === null) errs.push(required(FieldPath.root('data'), 'data is mandatory'));
  errs.push(...validateNonnegative(cr.revision, FieldPath.root('revision')));
  return errs;
}

export const controllerRevisionValidation: KindValidation<ControllerRevision> = {
  create: validateRevision,
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateRevision(n),
    ...validateImmutable(n.data, o.data, FieldPath.root('data')),
  ],
};
