/**
 * MarkPodsNotReady (pkg/controller/util/node/controller_utils.go): the Ready condition of every
 * pod bound to a node that stopped reporting goes False, with a NodeNotReady event per pod.
 */
import { isNotFound, rfc3339, type Pod } from '@kubelab/api';
import type { ClientSet } from '../../framework/client-set.js';
import { objectReference, type EventRecorder } from '../../framework/event-recorder.js';
import { PODS } from '../../framework/resources.js';

/** The pod with Ready=False, or undefined when it is not Ready=True to begin with. */
export function podMarkedNotReady(pod: Pod, nowMs: number): Pod | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return undefined;
  const next = structuredClone(pod);
  const c = next.status?.conditions?.find((x) => x.type === 'Ready');
  if (!c) return undefined;
  c.status = 'False';
  c.lastTransitionTime = rfc3339(nowMs);
  return next;
}

export async function markPodsNotReady(
  o: { clients: ClientSet; recorder: EventRecorder; nowMs: number },
  pods: Pod[],
  nodeName: string,
): Promise<void> {
  const errors: unknown[] = [];
  for (const pod of pods) {
    if (pod.spec?.nodeName !== nodeName) continue;
    const next = podMarkedNotReady(pod, o.nowMs);
    if (!next) continue;
    try {
      await o.clients.resource<Pod>(PODS, pod.metadata?.namespace).updateStatus(next);
    } catch (err) {
      if (isNotFound(err)) continue;
      errors.push(err);
      continue;
    }
    o.recorder.event(objectReference(PODS, pod), 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  if (errors.length > 0) throw errors[0] as Error;
}
