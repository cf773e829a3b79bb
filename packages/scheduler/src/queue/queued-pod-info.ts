/** A pod waiting in the scheduling queue (framework.QueuedPodInfo). */
import type { PodInfo } from '../framework/pod-info.js';

export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** namespace/name */
  key: string;
  /** When the pod was (re-)added to a queue: activeQ order and backoff start. */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  initialAttemptTimestamp: number | undefined;
  /** The plugins that rejected the pod in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** The scheduling cycle of the last pop. */
  cycle: number;
  /** Arrival order in the active queue (ties of timestamp keep FIFO order). */
  seq: number;
}

export function podKey(meta: { namespace?: string; name?: string } | undefined): string {
  return `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
}
