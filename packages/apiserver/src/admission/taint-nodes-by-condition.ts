/**
 * TaintNodesByCondition: a new Node starts tainted node.kubernetes.io/not-ready:NoSchedule; the
 * node lifecycle controller removes the taint once the node reports Ready.
 */
import type { Node } from '@kubelab/api';
import type { AdmissionAttributes, AdmissionPlugin } from './admission.js';
import { TAINT_NOT_READY } from './default-toleration-seconds.js';

export class TaintNodesByCondition implements AdmissionPlugin {
  readonly name = 'TaintNodesByCondition';

  admit(a: AdmissionAttributes): void {
    if (a.operation !== 'CREATE' || a.subresource || a.resource.plural !== 'nodes' || a.resource.group !== '') return;
    const node = a.object as Node | undefined;
    if (!node) return;
    const spec = (node.spec ??= {});
    const taints = (spec.taints ??= []);
    if (!taints.some((t) => t.key === TAINT_NOT_READY && t.effect === 'NoSchedule')) {
      taints.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' });
    }
  }
}
