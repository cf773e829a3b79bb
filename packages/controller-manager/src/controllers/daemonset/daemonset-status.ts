/**
 * The DaemonSet's status counts (updateDaemonSetStatus / storeDaemonSetStatus).
 */
import type { DaemonSet, Node, Pod } from '@kubelab/api';
import type { ResourceClient } from '@kubelab/api/client';
import { isPodAvailable, isPodReady } from '../../util/pod-status.js';
import {
  byCreationTimestampAndPhase,
  isPodUpdated,
  nodeShouldRunDaemonPod,
  templateGeneration,
} from './daemon-pod.js';

export type DaemonSetStatus = NonNullable<DaemonSet['status']>;

export function daemonSetStatus(
  ds: DaemonSet,
  nodes: Node[],
  nodeToPods: Map<string, Pod[]>,
  ctx: { hash: string; nowMs: number },
): DaemonSetStatus {
  const s = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
    numberUnavailable: 0,
  };
  const gen = templateGeneration(ds);
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = [...(nodeToPods.get(node.metadata?.name ?? '') ?? [])];
    const scheduled = pods.length > 0;
    if (!shouldRun) {
      if (scheduled) s.numberMisscheduled++;
      continue;
    }
    s.desiredNumberScheduled++;
    if (!scheduled) continue;
    s.currentNumberScheduled++;
    const pod = pods.sort(byCreationTimestampAndPhase)[0] as Pod;
    if (isPodReady(pod)) {
      s.numberReady++;
      if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, ctx.nowMs)) s.numberAvailable++;
    }
    if (isPodUpdated(pod, ctx.hash, gen)) s.updatedNumberScheduled++;
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  return { ...ds.status, ...s } as DaemonSetStatus;
}

/** storeDaemonSetStatus's short-circuit. */
export function daemonSetStatusUnchanged(ds: DaemonSet, next: DaemonSetStatus): boolean {
  const cur = ds.status;
  const keys = [
    'desiredNumberScheduled',
    'currentNumberScheduled',
    'numberMisscheduled',
    'numberReady',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
  ] as const;
  return (
    keys.every((k) => (cur?.[k] ?? 0) === (next[k] ?? 0)) &&
    (cur?.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0)
  );
}

/** storeDaemonSetStatus: one retry against a fresh read; observedGeneration only when synced. */
export async function storeDaemonSetStatus(
  client: ResourceClient<DaemonSet>,
  ds: DaemonSet,
  o: { status: DaemonSetStatus; observe: boolean },
): Promise<void> {
  let target = ds;
  for (let i = 0; ; i++) {
    const next = { ...o.status, collisionCount: target.status?.collisionCount };
    if (next.collisionCount === undefined) delete next.collisionCount;
    next.observedGeneration = o.observe
      ? (ds.metadata?.generation ?? 0)
      : (target.status?.observedGeneration ?? 0);
    try {
      await client.updateStatus({ ...target, status: next });
      return;
    } catch (err) {
      if (i >= 1) {
        throw new Error(
          `error storing status for daemon set ${ds.metadata?.name ?? ''}: ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
      target = await client.get(ds.metadata?.name ?? '');
    }
  }
}
