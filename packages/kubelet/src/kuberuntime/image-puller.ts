/**
 * Image pulls as the kubelet's image manager does them (pkg/kubelet/images): the pull policy,
 * pull backoff (ErrImagePull, then ImagePullBackOff), and the Pulling/Pulled/Failed/BackOff events.
 */
import type { Clock, Container, Pod } from '@kubelab/api';
import type { EventRecorder } from '../events/event-recorder.js';
import { podRef } from '../events/api-event-recorder.js';
import type { ContainerRuntime } from '../runtime/container-runtime.js';
import type { SyncError } from '../status/container-statuses.js';
import type { Backoff } from '../util/backoff.js';

export type PullResult = { ok: true } | { ok: false; error: SyncError; retryAt?: number };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2).replace(/\.?0+$/, '') || '0'}s`;
}

export class ImagePuller {
  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly recorder: EventRecorder,
    private readonly backoff: Backoff,
    private readonly clock: Clock,
  ) {}

  async ensureImage(pod: Pod, container: Container): Promise<PullResult> {
    const image = container.image ?? '';
    const ref = podRef(pod, container.name);
    const policy = container.imagePullPolicy ?? 'IfNotPresent';
    const present = await this.runtime.imageExists(image);
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        this.recorder.event(ref, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        return { ok: true };
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.recorder.event(ref, 'Warning', 'ErrImageNeverPull', message);
      return { ok: false, error: { reason: 'ErrImageNeverPull', message } };
    }
    const key = `${pod.metadata?.uid ?? ''}_${image}`;
    const now = this.clock.now();
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      const message = `Back-off pulling image "${image}"`;
      this.recorder.event(ref, 'Normal', 'BackOff', message);
      return { ok: false, error: { reason: 'ImagePullBackOff', message }, retryAt: this.backoff.lastUpdate(key) + this.backoff.get(key) };
    }
    this.recorder.event(ref, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const started = this.clock.now();
    try {
      await this.runtime.pullImage(image);
    } catch (err) {
      this.backoff.next(key, this.clock.now());
      const why = err instanceof Error ? err.message : String(err);
      this.recorder.event(ref, 'Warning', 'Failed', `Failed to pull image "${image}": ${why}`);
      this.recorder.event(ref, 'Warning', 'Failed', 'Error: ErrImagePull');
      return { ok: false, error: { reason: 'ErrImagePull', message: why }, retryAt: this.clock.now() + this.backoff.get(key) };
    }
    const took = seconds(this.clock.now() - started);
    this.recorder.event(ref, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting)`);
    return { ok: true };
  }
}
