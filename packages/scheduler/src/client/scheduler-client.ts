/** What the scheduler writes to the API server (the consumer-side interface; REST and fake implement it). */
import type { Pod, PodCondition } from '@kubelab/api';

export interface PodStatusPatch {
  conditions?: PodCondition[];
  /** null clears it. */
  nominatedNodeName?: string | null;
}

export interface SchedulerClient {
  /** POST pods/<name>/binding. */
  bind(pod: Pod, nodeName: string): Promise<void>;
  /** A strategic merge patch of pods/<name>/status. */
  patchPodStatus(pod: Pod, patch: PodStatusPatch): Promise<void>;
  /** Deletes a preemption victim. */
  deletePod(pod: Pod): Promise<void>;
}
