/**
 * One worker per pod (pod_workers.go): syncs of a pod never overlap, the latest request wins
 * while one runs, and a retry time reported by a sync schedules the next one. A static pod whose
 * full name is still held by an older, terminating pod waits for it (allowStaticPodStart).
 */
import type { Clock, Logger, Pod } from '@kubelab/api';
import { isStaticPod, podFullName } from '../config/pod-update.js';

export type WorkType = 'sync' | 'terminate';

export interface PodWork {
  pod: Pod;
  type: WorkType;
  /** For terminate: the grace period to use. */
  gracePeriod?: number;
}

export interface WorkResult {
  retryAt?: number;
}

interface Worker {
  pending: PodWork | undefined;
  running: boolean;
  terminating: boolean;
  terminated: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastPod: Pod;
}

export class PodWorkers {
  private readonly workers = new Map<string, Worker>();

  constructor(
    private readonly run: (work: PodWork) => Promise<WorkResult>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  update(work: PodWork): void {
    const uid = work.pod.metadata?.uid ?? '';
    let w = this.workers.get(uid);
    if (!w) {
      w = { pending: undefined, running: false, terminating: false, terminated: false, timer: undefined, lastPod: work.pod };
      this.workers.set(uid, w);
    }
    if (w.terminating && work.type === 'sync') {
      // A terminating pod cannot go back to running under the same UID until it is done.
      if (!w.terminated) return;
      w.terminating = false;
      w.terminated = false;
    }
    if (work.type === 'terminate') w.terminating = true;
    w.lastPod = work.pod;
    w.pending = work.type === 'sync' && w.pending?.type === 'terminate' ? w.pending : work;
    this.kick(uid, w);
  }

  /** Whether a pod is being (or has been) terminated by its worker. */
  isTerminating(uid: string): boolean {
    return this.workers.get(uid)?.terminating ?? false;
  }

  isTerminated(uid: string): boolean {
    return this.workers.get(uid)?.terminated ?? false;
  }

  /** Forget a terminated pod's worker. */
  forget(uid: string): void {
    const w = this.workers.get(uid);
    if (w?.timer) clearTimeout(w.timer);
    this.workers.delete(uid);
  }

  known(): string[] {
    return [...this.workers.keys()];
  }

  /** A static pod may start once no other UID with its full name is still terminating. */
  private blockedBy(pod: Pod): string | undefined {
    if (!isStaticPod(pod)) return undefined;
    const name = podFullName(pod);
    for (const [uid, w] of this.workers) {
      if (uid !== pod.metadata?.uid && w.terminating && !w.terminated && podFullName(w.lastPod) === name) return uid;
    }
    return undefined;
  }

  private kick(uid: string, w: Worker): void {
    if (w.running || !w.pending) return;
    const work = w.pending;
    if (work.type === 'sync' && this.blockedBy(work.pod)) {
      // Re-checked whenever another worker finishes.
      return;
    }
    w.pending = undefined;
    w.running = true;
    if (w.timer) {
      clearTimeout(w.timer);
      w.timer = undefined;
    }
    this.run(work)
      .then(
        (res) => {
          if (work.type === 'terminate') w.terminated = true;
          if (res.retryAt !== undefined && !w.pending && !w.terminating) {
            const delay = Math.max(0, res.retryAt - this.clock.now());
            w.timer = setTimeout(() => {
              w.timer = undefined;
              if (!w.pending && !w.terminating) {
                w.pending = { pod: w.lastPod, type: 'sync' };
                this.kick(uid, w);
              }
            }, delay);
          }
        },
        (err: unknown) => {
          this.logger.error('Error syncing pod, skipping', err, { podUID: uid });
          if (!w.pending) {
            // Try again in a second; a failed termination is retried as a termination.
            w.timer = setTimeout(() => {
              w.timer = undefined;
              if (!w.pending) {
                w.pending = w.terminating ? { ...work, pod: w.lastPod, type: 'terminate' } : { pod: w.lastPod, type: 'sync' };
                this.kick(uid, w);
              }
            }, 1000);
          }
        },
      )
      .finally(() => {
        w.running = false;
        this.kick(uid, w);
        if (work.type === 'terminate') for (const [other, ow] of this.workers) if (other !== uid) this.kick(other, ow);
      });
  }
}
