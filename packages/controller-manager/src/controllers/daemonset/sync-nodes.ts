/**
 * syncNodes (daemon_controller.go): create the missing daemon pods, each pinned to its node,
 * in slow-start batches, and delete the superfluous ones, with expectations set first.
 */
import type { DaemonSet, Pod } from '@kubelab/api';
import { namespacedKey, newControllerRef } from '../../framework/controller-ref.js';
import type { ControllerExpectations } from '../../framework/expectations.js';
import { podFromTemplate, slowStartBatch, type PodControl } from '../../framework/pod-control.js';
import { DAEMON_SETS } from '../../framework/resources.js';
import { daemonPodTemplate, nodeNameAffinity } from './daemon-pod.js';

export const DAEMONSET_BURST_REPLICAS = 250;

export async function syncNodes(
  o: { podControl: PodControl; expectations: ControllerExpectations },
  ds: DaemonSet,
  work: { podsToDelete: Pod[]; nodesToCreate: string[]; hash: string },
): Promise<void> {
  const { podsToDelete, nodesToCreate, hash } = work;
  const key = namespacedKey(ds);
  const creates = nodesToCreate.slice(0, DAEMONSET_BURST_REPLICAS);
  const deletes = podsToDelete.slice(0, DAEMONSET_BURST_REPLICAS);
  if (creates.length === 0 && deletes.length === 0) return;
  o.expectations.setExpectations(key, creates.length, deletes.map(namespacedKey));
  const template = daemonPodTemplate(ds, hash);
  const ref = newControllerRef(ds, DAEMON_SETS);
  const errors: unknown[] = [];
  let next = 0;
  const { error } = await slowStartBatch(creates.length, 1, async () => {
    const nodeName = creates[next++] as string;
    const t = structuredClone(template);
    (t.spec ??= { containers: [] }).affinity = nodeNameAffinity(t.spec.affinity, nodeName);
    try {
      await o.podControl.createPod(ds, podFromTemplate(t, ds.metadata?.name ?? '', ref));
    } catch (err) {
      o.expectations.creationObserved(key);
      throw err;
    }
  });
  const attempted = next;
  if (error) {
    errors.push(error);
    o.expectations.lowerExpectations(key, creates.length - attempted, 0);
  }
  const results = await Promise.allSettled(
    deletes.map(async (pod) => {
      try {
        await o.podControl.deletePod(ds, pod);
      } catch (err) {
        o.expectations.deletionObserved(key, namespacedKey(pod));
        throw err;
      }
    }),
  );
  for (const r of results) if (r.status === 'rejected') errors.push(r.reason);
  if (errors.length > 0) throw errors[0] as Error;
}
