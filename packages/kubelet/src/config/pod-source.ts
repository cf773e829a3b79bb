/** A place desired pods come from: a manifest directory, a URL, or the API server. */
import type { PodUpdate, SourceName } from './pod-update.js';

export interface PodSource {
  readonly name: SourceName;
  /** Emits a full snapshot (op SET) on every change, also an empty one; runs until aborted. */
  run(emit: (update: PodUpdate) => void, signal: AbortSignal): Promise<void>;
}
