/**
 * PodControl (pkg/controller/controller_utils.go RealPodControl): pods built from a template
 * with `<owner>-` as generateName and the owner's controller reference, created and deleted
 * with the upstream events (SuccessfulCreate / FailedCreate / SuccessfulDelete / FailedDelete).
 */
import { isNotFound, type OwnerReference, type Pod, type ResourceInfo } from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';
import type { ClientSet } from './client-set.js';
import { objectReference, type EventRecorder } from './event-recorder.js';
import { PODS } from './resources.js';

export interface PodTemplate {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
  };
  spec?: Pod['spec'];
}

/** getPodsPrefix: `<name>-`, or the bare name when the dash would make it invalid. */
export function podsPrefix(ownerName: string): string {
  const prefix = `${ownerName}-`;
  return prefix.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?-$/.test(prefix)
    ? prefix
    : ownerName;
}

/** GetPodFromTemplate. */
export function podFromTemplate(
  template: PodTemplate,
  ownerName: string,
  controllerRef?: OwnerReference,
): Pod {
  const meta: NonNullable<Pod['metadata']> = { generateName: podsPrefix(ownerName) };
  if (template.metadata?.labels) meta.labels = { ...template.metadata.labels };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) meta.finalizers = [...template.metadata.finalizers];
  if (controllerRef) meta.ownerReferences = [controllerRef];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec: structuredClone(template.spec ?? { containers: [] }),
  };
}

export interface PodControlOptions {
  clients: ClientSet;
  recorder: EventRecorder;
  /** The kind of the owners (for the events' involvedObject). */
  ownerKind: ResourceInfo;
}

export class PodControl {
  constructor(private readonly opts: PodControlOptions) {}

  async createPod(owner: KubeObject, pod: Pod): Promise<Pod> {
    const ns = owner.metadata?.namespace ?? '';
    const ref = objectReference(this.opts.ownerKind, owner);
    if (Object.keys(pod.metadata?.labels ?? {}).length === 0) {
      throw new Error('unable to create pods, no labels');
    }
    try {
      const created = await this.opts.clients.resource<Pod>(PODS, ns).create(pod);
      this.opts.recorder.event(
        ref,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${created.metadata?.name ?? ''}`,
      );
      return created;
    } catch (err) {
      const terminating = (
        err as { details?: { causes?: { type?: string }[] } }
      ).details?.causes?.some((c) => c.type === 'NamespaceTerminating');
      if (!terminating) {
        this.opts.recorder.event(
          ref,
          'Warning',
          'FailedCreate',
          `Error creating: ${(err as Error).message}`,
        );
      }
      throw err;
    }
  }

  /** Deletes the pod; NotFound counts as done. */
  async deletePod(owner: KubeObject, pod: Pod): Promise<void> {
    const name = pod.metadata?.name ?? '';
    const ref = objectReference(this.opts.ownerKind, owner);
    try {
      await this.opts.clients.resource<Pod>(PODS, pod.metadata?.namespace).delete(name);
      this.opts.recorder.event(ref, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    } catch (err) {
      if (isNotFound(err)) return;
      this.opts.recorder.event(
        ref,
        'Warning',
        'FailedDelete',
        `Error deleting: ${(err as Error).message}`,
      );
      throw err;
    }
  }
}

/** slowStartBatch: 1, 2, 4 ... calls at a time, stopping after the first batch with a failure. */
export async function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => Promise<void>,
): Promise<{ successes: number; error?: Error }> {
  let remaining = count;
  let successes = 0;
  for (
    let batch = Math.min(remaining, initialBatchSize);
    batch > 0;
    batch = Math.min(2 * batch, remaining)
  ) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => fn()));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    successes += batch - failures.length;
    if (failures.length > 0) return { successes, error: failures[0]?.reason as Error };
    remaining -= batch;
  }
  return { successes };
}
