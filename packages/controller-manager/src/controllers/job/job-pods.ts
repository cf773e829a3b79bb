/**
 * What the Job controller writes on and reads from its pods (pkg/controller/job/utils.go,
 * indexed_job_utils.go): the tracking finalizer, the completion index, the generated names and
 * when a pod counts as failed.
 */
import type { Job, OwnerReference, Pod } from '@kubelab/api';
import { podFromTemplate } from '../../framework/pod-control.js';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV_NAME = 'JOB_COMPLETION_INDEX';
/** names.MaxGeneratedNameLength: 63 minus the 5 random characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** Only Failed pods are replaced (podReplacementPolicy Failed). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** controller.CountTerminatingPods: being deleted and not yet terminal. */
export function isPodTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** getCompletionIndex: the annotation's value, or -1 when missing or invalid. */
export function getCompletionIndex(pod: Pod): number {
  const v = pod.metadata?.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return -1;
  const n = Number(v);
  return n > 2147483647 ? -1 : n;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut to fit. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const append = `-${index}-`;
  const prefix = jobName + append;
  return prefix.length > MAX_GENERATED_NAME_LENGTH
    ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - append.length) + append
    : prefix;
}

/** The pod the Job creates (for an Indexed Job, the pod of one completion index). */
export function newJobPod(job: Job, controllerRef: OwnerReference, index?: number): Pod {
  const template = structuredClone(job.spec?.template ?? {});
  const meta = (template.metadata ??= {});
  const finalizers = meta.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER))
    meta.finalizers = [...finalizers, JOB_TRACKING_FINALIZER];
  const jobName = job.metadata?.name ?? '';
  if (index === undefined) return podFromTemplate(template, jobName, controllerRef);
  const spec = (template.spec ??= { containers: [] });
  const fieldPath = `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']`;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV_NAME)) continue;
    c.env = [
      ...(c.env ?? []),
      { name: COMPLETION_INDEX_ENV_NAME, valueFrom: { fieldRef: { fieldPath } } },
    ];
  }
  meta.annotations = { ...meta.annotations, [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) };
  meta.labels = { ...meta.labels, [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) };
  spec.hostname = `${jobName}-${index}`;
  const pod = podFromTemplate(template, jobName, controllerRef);
  if (pod.metadata) pod.metadata.generateName = podGenerateNameWithIndex(jobName, index);
  return pod;
}

/** The latest time a container finished, else the pod's deletion or creation (getFinishedTime). */
export function podFinishedTime(pod: Pod): number {
  let latest: number | undefined;
  for (const cs of [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ]) {
    const at = cs.state?.terminated?.finishedAt;
    if (!at) continue;
    const t = Date.parse(at);
    if (latest === undefined || t > latest) latest = t;
  }
  if (latest !== undefined) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False');
  if (ready?.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion)
    return Date.parse(deletion) - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return Date.parse(pod.metadata?.creationTimestamp ?? '') || 0;
}
