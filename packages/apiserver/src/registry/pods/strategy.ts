/**
 * Pods (pkg/registry/core/pod/strategy.go): a new pod starts Pending with its QoS class; updates
 * keep the status; deletion is graceful for pods bound to a node and not yet terminal.
 */
import type { ApiObject, DeleteOptions, Pod, ResourceInfo } from '@kubelab/api';
import { createDefaultStrategy } from '../default-strategy.js';
import type { Strategy } from '../strategy.js';
import { podQosClass } from '@kubelab/api';

export const DEFAULT_TERMINATION_GRACE_PERIOD = 30;

/** podStrategy.CheckGracefulDelete */
export function podGracePeriod(obj: ApiObject, options: DeleteOptions): number | undefined {
  const pod = obj as Pod;
  let period = options.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD;
  // An unscheduled pod or a pod that has already terminated goes at once.
  if (!pod.spec?.nodeName) period = 0;
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  return period;
}

export function createPodStrategy(info: ResourceInfo): Strategy {
  const base = createDefaultStrategy(info);
  return {
    ...base,
    prepareForCreate(obj, ctx) {
      base.prepareForCreate(obj, ctx);
      const pod = obj as Pod;
      pod.status = { phase: 'Pending', qosClass: podQosClass(pod) };
    },
    gracePeriod: podGracePeriod,
    subresources: {
      ...base.subresources,
      // The binding subresource's own logic (binding.ts) decides what changes.
      binding: { prepareForUpdate: () => {}, validateUpdate: () => [] },
    },
  };
}
