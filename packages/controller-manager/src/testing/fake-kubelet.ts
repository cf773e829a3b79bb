/**
 * Stands in for kubelets in tests: every pod that appears is marked Running and Ready (or left
 * pending when the filter says so), the status a kubelet would write.
 */
import { rfc3339, type Pod } from '@kubelab/api';
import type { Informer } from '@kubelab/api/informer';
import type { ClientSet } from '../framework/client-set.js';
import { PODS } from '../framework/resources.js';

export function readyStatus(nowMs: number): Pod['status'] {
  const t = rfc3339(nowMs);
  return {
    phase: 'Running',
    conditions: [
      { type: 'Initialized', status: 'True', lastTransitionTime: t },
      { type: 'Ready', status: 'True', lastTransitionTime: t },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: t },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
    ],
    startTime: t,
  };
}

/** Marks pods ready as they appear; returns the unsubscribe function. */
export function runFakeKubelet(
  pods: Informer<Pod>,
  clients: ClientSet,
  accept: (pod: Pod) => boolean = () => true,
): () => void {
  const mark = (pod: Pod): void => {
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Running' || !accept(pod)) return;
    void clients
      .resource<Pod>(PODS, pod.metadata?.namespace)
      .updateStatus({ ...pod, status: { ...pod.status, ...readyStatus(Date.now() - 1000) } })
      .catch(() => undefined);
  };
  const offAdd = pods.on('add', mark);
  const offUpdate = pods.on('update', mark);
  return () => {
    offAdd();
    offUpdate();
  };
}
