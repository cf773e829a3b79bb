/** Binding (pods/binding) validation (pkg/apis/core/validation ValidatePodBinding). */
import type { Binding } from 'kubernetes-types/core/v1.js';
import { notSupported, required, type FieldError } from './field-errors.js';
import type { KindValidation } from './kind-validation.js';

function validateBinding(b: Binding): FieldError[] {
  const errs: FieldError[] = [];
  const kind = b.target?.kind ?? '';
  if (kind && kind !== 'Node') errs.push(notSupported('target.kind', kind, ['Node', '<empty>']));
  if (!b.target?.name) errs.push(required('target.name'));
  return errs;
}

export const bindingValidation: KindValidation<Binding> = {
  create: validateBinding,
  update: validateBinding,
};
