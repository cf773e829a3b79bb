import { forbidden } from '@kubelab/api';
import type { ApiError } from '@kubelab/api';
import type { AdmissionAttributes } from './admission.js';

/** admission.NewForbidden: `pods "x" is forbidden: <why>`. */
export function admissionForbidden(a: AdmissionAttributes, why: string): ApiError {
  const name = a.name || a.object?.metadata?.name || '';
  return forbidden({ group: a.resource.group, resource: a.resource.plural }, name, why);
}
