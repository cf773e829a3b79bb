/** A SchedulerClient that records calls and can fail binds, for scheduler unit tests. */
import type { Pod } from '@kubelab/api';
import type { PodStatusPatch, SchedulerClient } from '../client/scheduler-client.js';

export class FakeSchedulerClient implements SchedulerClient {
  readonly bindings: { pod: string; node: string }[] = [];
  readonly statusPatches: { pod: string; patch: PodStatusPatch }[] = [];
  readonly deleted: string[] = [];
  private bindFailures: Error[] = [];
  private onBind: ((pod: Pod, node: string) => void) | undefined;

  failNextBind(err: Error): void {
    this.bindFailures.push(err);
  }

  /** Called after each successful bind (e.g. to feed the informer). */
  whenBound(fn: (pod: Pod, node: string) => void): void {
    this.onBind = fn;
  }

  async bind(pod: Pod, nodeName: string): Promise<void> {
    await Promise.resolve();
    const err = this.bindFailures.shift();
    if (err) throw err;
    this.bindings.push({ pod: `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, node: nodeName });
    this.onBind?.(pod, nodeName);
  }

  async patchPodStatus(pod: Pod, patch: PodStatusPatch): Promise<void> {
    await Promise.resolve();
    this.statusPatches.push({ pod: `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, patch });
  }

  async deletePod(pod: Pod): Promise<void> {
    await Promise.resolve();
    this.deleted.push(`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`);
  }
}
