/** An EventRecorder that keeps events in memory. */
import type { EventObject, EventRecorder, EventType } from '@kubelab/api';

export interface RecordedEvent {
  object: string;
  type: EventType;
  reason: string;
  message: string;
}

export class RecordingEventRecorder implements EventRecorder {
  readonly events: RecordedEvent[] = [];

  event(object: EventObject, type: EventType, reason: string, message: string): void {
    this.events.push({ object: `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`, type, reason, message });
  }

  async flush(): Promise<void> {}

  stop(): void {}

  reasons(object: string): string[] {
    return this.events.filter((e) => e.object === object).map((e) => e.reason);
  }
}
