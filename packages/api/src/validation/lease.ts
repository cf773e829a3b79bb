/** Lease validation (pkg/apis/coordination/validation ValidateLease*). */
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import { FieldPath, forbiddenField, invalidValue, notSupported, type FieldError } from './field-errors.js';
import type { KindValidation } from './kind-validation.js';
import { isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

function validateSpec(lease: Lease): FieldError[] {
  const p = FieldPath.root('spec');
  const spec = (lease.spec ?? {}) as NonNullable<Lease['spec']> & { strategy?: string; preferredHolder?: string };
  const errs: FieldError[] = [];
  const d = spec.leaseDurationSeconds;
  if (d !== undefined && d <= 0) errs.push(invalidValue(p.child('leaseDurationSeconds'), d, 'must be greater than 0'));
  const t = spec.leaseTransitions;
  if (t !== undefined && t < 0) errs.push(invalidValue(p.child('leaseTransitions'), t, 'must be greater than or equal to 0'));
  if (spec.strategy !== undefined) {
    const sp = p.child('strategy').child('strategy');
    if (spec.strategy.split('/').length === 1) {
      if (spec.strategy !== 'OldestEmulationVersion') errs.push(notSupported(sp, spec.strategy, ['OldestEmulationVersion']));
    } else {
      for (const m of isQualifiedName(spec.strategy)) errs.push(invalidValue(sp, spec.strategy, m));
    }
  }
  if (spec.preferredHolder && !spec.strategy) {
    errs.push(forbiddenField(p.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  }
  return errs;
}

const meta = (l: Lease) =>
  validateObjectMeta(l.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain, kubeFinalizers: false });

export const leaseValidation: KindValidation<Lease> = {
  create: (l) => [...meta(l), ...validateSpec(l)],
  update: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata, FieldPath.root('metadata'), false), ...validateSpec(n)],
};
