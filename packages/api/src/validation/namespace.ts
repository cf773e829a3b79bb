/** Namespace validation (pkg/apis/core/validation ValidateNamespace*). */
import type { Namespace } from 'kubernetes-types/core/v1.js';
import { FieldPath, invalidValue, type FieldError } from './field-errors.js';
import { validateQualifiedName } from './common.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSLabel } from './names.js';
import { validateKubeFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameValidator: nameIsDNSLabel });
  // Upstream reports spec finalizers at the list path, without an index.
  const fp = FieldPath.root('spec').child('finalizers');
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateQualifiedName(f, fp), ...validateKubeFinalizerName(f, fp));
  return errs;
}

export const namespaceValidation: KindValidation<Namespace> = {
  create: validateNamespace,
  update: (n, o) => validateObjectMetaUpdate(n.metadata, o.metadata),
  status: (n, o) => {
    const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
    const phase = n.status?.phase ?? '';
    const p = FieldPath.root('status').child('Phase');
    if (!n.metadata?.deletionTimestamp) {
      if (phase !== 'Active') errs.push(invalidValue(p, phase, "may only be 'Active' if `deletionTimestamp` is empty"));
    } else if (phase !== 'Terminating') {
      errs.push(invalidValue(p, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
    }
    return errs;
  },
};
