/** Events about pods and the node (client-go record.EventRecorder): fire and forget. */
import type { ObjectReference } from '@kubelab/api';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  /** `involved` is a pod or node reference; fieldPath `spec.containers{name}` for containers. */
  event(involved: ObjectReference, type: EventType, reason: string, message: string): void;
}

export const nullRecorder: EventRecorder = { event: () => {} };
