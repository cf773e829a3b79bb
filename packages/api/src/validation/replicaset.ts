/** ReplicaSet validation (pkg/apis/apps/validation ValidateReplicaSet*, apps/v1 selector immutability). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { FieldPath, type FieldError } from './field-errors.js';
import { validateNonnegative } from './common.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import {
  validateReplicaCounters,
  validateReplicatedTemplate,
  validateSelectorImmutable,
  validateStrictSelector,
} from './apps-common.js';

function validateSpec(rs: ReplicaSet): FieldError[] {
  const p = FieldPath.root('spec');
  const spec = rs.spec;
  const errs = [
    ...validateNonnegative(spec?.replicas ?? 0, p.child('replicas')),
    ...validateNonnegative(spec?.minReadySeconds ?? 0, p.child('minReadySeconds')),
  ];
  // Upstream reuses the Deployment wording here.
  const selector = validateStrictSelector(spec?.selector, p.child('selector'), 'empty selector is invalid for deployment', errs);
  if (selector) errs.push(...validateReplicatedTemplate(spec?.template, selector, p.child('template'), 'ReplicaSet'));
  return errs;
}

function validateStatus(rs: ReplicaSet): FieldError[] {
  const p = FieldPath.root('status');
  const s = rs.status ?? { replicas: 0 };
  const errs: FieldError[] = [];
  for (const f of ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const) {
    errs.push(...validateNonnegative(s[f], p.child(f)));
  }
  errs.push(...validateReplicaCounters(s as unknown as Record<string, number | undefined>, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'], p));
  return errs;
}

export const replicaSetValidation: KindValidation<ReplicaSet> = {
  create: (rs) => [
    ...validateObjectMeta(rs.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }),
    ...validateSpec(rs),
  ],
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateSpec(n),
    ...validateSelectorImmutable(n.spec?.selector, o.spec?.selector, FieldPath.root('spec').child('selector')),
  ],
  status: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateStatus(n)],
};
