/**
 * How controllers record events: against an object reference (the involvedObject), through the
 * component base's recorder in production and a recording fake in tests.
 */
import { groupVersion, type ObjectReference, type ResourceInfo } from '@kubelab/api';
import type { KubeObject } from '@kubelab/api/client';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  event(ref: ObjectReference, type: EventType, reason: string, message: string): void;
}

export function objectReference(info: ResourceInfo, obj: KubeObject): ObjectReference {
  const ref: ObjectReference = {
    kind: info.kind,
    apiVersion: groupVersion(info),
    name: obj.metadata?.name ?? '',
  };
  if (obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
  if (obj.metadata?.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}

/** Adapts the component base's recorder (correlated, queued core/v1 events) to references. */
export function referenceRecorder(shared: {
  event(
    o: {
      apiVersion?: string;
      kind?: string;
      metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string };
    },
    t: EventType,
    reason: string,
    message: string,
  ): void;
}): EventRecorder {
  return {
    event(ref, type, reason, message) {
      const metadata: {
        name?: string;
        namespace?: string;
        uid?: string;
        resourceVersion?: string;
      } = { name: ref.name ?? '' };
      if (ref.namespace) metadata.namespace = ref.namespace;
      if (ref.uid) metadata.uid = ref.uid;
      if (ref.resourceVersion) metadata.resourceVersion = ref.resourceVersion;
      shared.event(
        {
          ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}),
          ...(ref.kind ? { kind: ref.kind } : {}),
          metadata,
        },
        type,
        reason,
        message,
      );
    },
  };
}

/** Discards events. */
export const noopEventRecorder: EventRecorder = { event: () => {} };
