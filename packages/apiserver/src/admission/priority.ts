/**
 * Priority: a pod's priorityClassName becomes spec.priority. kubelab serves no PriorityClass
 * objects, so the two built-in system classes are all there is.
 */
import type { Pod } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';
import { admissionForbidden } from './admission-errors.js';

export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export class Priority implements AdmissionPlugin {
  readonly name = 'Priority';

  admit(a: AdmissionAttributes): void {
    if (a.operation !== 'CREATE' || a.subresource || a.resource.plural !== 'pods' || a.resource.group !== '') return;
    const pod = a.object as Pod | undefined;
    if (!pod?.spec) return;
    const cls = pod.spec.priorityClassName;
    if (!cls) {
      pod.spec.priority ??= 0;
      return;
    }
    const value = SYSTEM_PRIORITY_CLASSES[cls];
    if (value === undefined) throw admissionForbidden(a, `no PriorityClass with name ${cls} was found`);
    if (pod.spec.priority !== undefined && pod.spec.priority !== value) {
      throw admissionForbidden(a, 'the integer value of priority (' + pod.spec.priority + ') must not be provided in pod spec; priority admission controller computed ' + value + ' from the given PriorityClass name');
    }
    pod.spec.priority = value;
    pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
}
