/**
 * NamespaceLifecycle: nothing is written into a namespace that does not exist, nothing new is
 * created in one being terminated, and default, kube-system and kube-public cannot be deleted.
 */
import { notFound } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';
import { admissionForbidden } from './admission-errors.js';
import type { ObjectLookup } from './lookups.js';

export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];
const ACCESS_REVIEWS = ['localsubjectaccessreviews', 'subjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews'];

export class NamespaceLifecycle implements AdmissionPlugin {
  readonly name = 'NamespaceLifecycle';
  constructor(private readonly lookup: Pick<ObjectLookup, 'namespacePhase'>) {}

  validate(a: AdmissionAttributes): void {
    const isNamespace = a.resource.group === '' && a.resource.plural === 'namespaces';
    if (isNamespace) {
      if (a.operation === 'DELETE' && IMMORTAL_NAMESPACES.includes(a.name)) {
        throw admissionForbidden(a, 'this namespace may not be deleted');
      }
      return;
    }
    if (!a.resource.namespaced || !a.namespace) return;
    if (a.operation === 'DELETE' || ACCESS_REVIEWS.includes(a.resource.plural)) return;
    const phase = this.lookup.namespacePhase(a.namespace);
    if (phase === undefined) throw notFound({ group: '', resource: 'namespaces' }, a.namespace);
    if (a.operation === 'CREATE' && phase === 'Terminating') {
      const err = admissionForbidden(a, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
      if (err.details) {
        err.details.causes = [
          { type: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' },
        ];
      }
      throw err;
    }
  }
}
