/**
 * pods/binding (pkg/registry/core/pod/storage BindingREST): assigns an unassigned pod to a
 * node, sets PodScheduled=True, and refuses a pod that is already assigned or being deleted.
 */
import type { ApiObject, Binding, Clock, Pod, PodCondition } from '@kubelab/api';
import { badRequest, conflict, invalid, required, rfc3339 } from '@kubelab/api';
import type { GenericStore } from '../generic-store.js';
import type { RequestContext } from '../request-context.js';

const BINDING_GR = { group: '', resource: 'pods/binding' };

/** Pure: the pod after binding it, or the reason it cannot be bound. */
export function assignPod(pod: Pod, binding: Binding, now: number): Pod | string {
  if (pod.metadata?.deletionTimestamp) {
    return `pod ${pod.metadata.name ?? ''} is being deleted, cannot be assigned to a host`;
  }
  if (pod.spec?.nodeName) {
    return `pod ${pod.metadata?.name ?? ''} is already assigned to node "${pod.spec.nodeName}"`;
  }
  const next: Pod = structuredClone(pod);
  (next.spec ??= { containers: [] }).nodeName = binding.target.name;
  const annotations = binding.metadata?.annotations;
  if (annotations && Object.keys(annotations).length) {
    next.metadata = { ...next.metadata, annotations: { ...next.metadata?.annotations, ...annotations } };
  }
  const status = (next.status ??= {});
  const conditions: PodCondition[] = (status.conditions ??= []);
  const i = conditions.findIndex((c) => c.type === 'PodScheduled');
  const cond: PodCondition = { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as undefined, lastTransitionTime: rfc3339(now) };
  if (i >= 0) {
    const prev = conditions[i] as PodCondition;
    conditions[i] = prev.status === 'True' ? prev : cond;
  } else conditions.push(cond);
  return next;
}

export async function bindPod(
  pods: GenericStore,
  ctx: RequestContext,
  name: string,
  binding: Binding,
  clock: Clock,
): Promise<void> {
  if (binding.metadata?.name && binding.metadata.name !== name) {
    throw badRequest('name in URL does not match name in Binding object');
  }
  if (binding.metadata?.namespace && ctx.namespace && binding.metadata.namespace !== ctx.namespace) {
    throw badRequest('namespace in URL does not match namespace in Binding object');
  }
  if (!binding.target?.name) {
    throw invalid({ group: '', kind: 'Binding' }, name, [required('target.name')]);
  }
  if (binding.target.kind && binding.target.kind !== 'Node') {
    throw invalid({ group: '', kind: 'Binding' }, name, [required('to.kind', 'must be empty or \'Node\'')]);
  }
  await pods.update(
    ctx,
    name,
    (cur: ApiObject | undefined) => {
      const result = assignPod(cur as Pod, binding, clock.now());
      if (typeof result === 'string') throw conflict(BINDING_GR, name, result);
      return result as ApiObject;
    },
    { subresource: 'binding' },
  );
}
