/**
 * TriggerTimeTracker (pkg/controller/util/endpoint): the `endpoints.kubernetes.io/last-change-trigger-time`
 * of a Service's Endpoints: its creation time when first seen, later the earliest trigger
 * (pod Ready transition, service creation) that changed since the previous sync, else none.
 */
import type { Pod, Service } from '@kubelab/api';
import { getPodCondition } from '../../util/pod-status.js';

interface ServiceState {
  lastPodTriggerTimes: Map<string, number>;
  lastServiceTriggerTime: number;
}

const parse = (t: string | undefined): number => (t ? Date.parse(t) : 0);

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** RFC 3339 trigger time to record, or undefined to clear the annotation. */
  compute(key: string, service: Service, pods: readonly Pod[]): string | undefined {
    const state = this.states.get(key);
    let min = 0;
    const lower = (t: number): void => {
      if (min === 0 || t < min) min = t;
    };
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = parse(getPodCondition(pod, 'Ready')?.lastTransitionTime ?? undefined);
      if (t === 0) continue;
      const name = pod.metadata?.name ?? '';
      podTimes.set(name, t);
      if (t > (state?.lastPodTriggerTimes.get(name) ?? 0)) lower(t);
    }
    const serviceTime = parse(service.metadata?.creationTimestamp ?? undefined);
    if (serviceTime > (state?.lastServiceTriggerTime ?? 0)) lower(serviceTime);
    this.states.set(key, { lastPodTriggerTimes: podTimes, lastServiceTriggerTime: serviceTime });
    if (!state) return service.metadata?.creationTimestamp ?? undefined;
    return min === 0 ? undefined : new Date(min).toISOString().replace('.000Z', 'Z');
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
