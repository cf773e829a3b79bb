/**
 * ServiceAccount: a pod without serviceAccountName runs as "default" in its namespace. Mirror
 * pods are left exactly as the kubelet wrote them ("Don't modify the spec of mirror pods").
 * kubelab mounts no token volume.
 */
import type { Pod } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export class ServiceAccountAdmission implements AdmissionPlugin {
  readonly name = 'ServiceAccount';

  admit(a: AdmissionAttributes): void {
    if (a.operation !== 'CREATE' || a.subresource || a.resource.plural !== 'pods' || a.resource.group !== '') return;
    const pod = a.object as Pod | undefined;
    if (!pod?.spec || pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined) return;
    const sa = pod.spec.serviceAccountName || pod.spec.serviceAccount || 'default';
    pod.spec.serviceAccountName = sa;
    pod.spec.serviceAccount = sa;
  }
}
