/**
 * Pod defaulting. defaultPodSpec is SetDefaults_PodSpec plus everything nested in a spec (what
 * pod templates get); defaultPod adds the pod-only defaults of SetDefaults_Pod and the values the
 * Priority admission plugin writes (priority 0, preemptionPolicy PreemptLowerPriority).
 */
import type { Pod, PodSpec } from 'kubernetes-types/core/v1.js';
import { defaultContainer } from './container.js';
import { defaultVolume } from './volumes.js';

export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c as Parameters<typeof defaultContainer>[0]);
}

export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  defaultPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources ??= {}).requests ?? {};
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
    c.resources.requests = requests;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of c.ports ?? []) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
  // The apiserver rewrites a negative grace period to 1 (pod strategy, since 1.27).
  if ((spec.terminationGracePeriodSeconds ?? 0) < 0) spec.terminationGracePeriodSeconds = 1;
  // Written by the Priority admission plugin upstream; every served pod carries them.
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}
