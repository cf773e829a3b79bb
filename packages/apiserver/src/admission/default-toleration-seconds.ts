/**
 * DefaultTolerationSeconds: every new pod tolerates the not-ready and unreachable NoExecute
 * taints for 300 s unless it already tolerates them.
 */
import type { Pod, Toleration } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** Whether a toleration covers taint key:NoExecute (v1helper.Toleration.ToleratesTaint). */
export function toleratesNoExecute(t: Toleration, key: string): boolean {
  if (t.effect && t.effect !== 'NoExecute') return false;
  if (t.key && t.key !== key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  return true;
}

export class DefaultTolerationSeconds implements AdmissionPlugin {
  readonly name = 'DefaultTolerationSeconds';
  constructor(private readonly seconds = { notReady: 300, unreachable: 300 }) {}

  admit(a: AdmissionAttributes): void {
    if (a.operation !== 'CREATE' || a.subresource || a.resource.plural !== 'pods' || a.resource.group !== '') return;
    const pod = a.object as Pod | undefined;
    if (!pod?.spec) return;
    const tolerations = (pod.spec.tolerations ??= []);
    if (!tolerations.some((t) => toleratesNoExecute(t, TAINT_NOT_READY))) {
      tolerations.push({ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: this.seconds.notReady });
    }
    if (!tolerations.some((t) => toleratesNoExecute(t, TAINT_UNREACHABLE))) {
      tolerations.push({ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: this.seconds.unreachable });
    }
  }
}
