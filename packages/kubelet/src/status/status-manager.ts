/**
 * The status manager (status/status_manager.go): keeps the latest status of every pod by the
 * pod's own UID and writes it to the API server (pods/<name>/status) when it changed, and all
 * of them again every 10 s. A static pod's status goes to its mirror pod. Pods deleted through
 * the API are finally removed (grace 0, UID precondition) once their containers have stopped.
 */
import type { Clock, Logger, Pod, PodStatus } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import type { ApiAvailability } from '../api/api-availability.js';
import { isConnectionError } from '../api/api-availability.js';
import { isStaticPod } from '../config/pod-update.js';
import { isMirrorPodOf } from '../pod/pod-manager.js';
import { wakeableSleep } from '../util/wakeable-sleep.js';

/** The subset of the pod manager this needs. */
export interface PodLookup {
  get(uid: string): Pod | undefined;
  mirrorOf(pod: Pod): Pod | undefined;
}

export interface StatusWriter {
  patchPodStatus(namespace: string, name: string, uid: string, status: PodStatus): Promise<void>;
  deletePod(namespace: string, name: string, opts: { gracePeriodSeconds: number; uid?: string }): Promise<void>;
}

export interface StatusManagerOptions {
  pods: PodLookup;
  writer: StatusWriter;
  availability: ApiAvailability;
  clock: Clock;
  logger: Logger;
  syncPeriodMs?: number;
}

interface Entry {
  pod: Pod;
  status: PodStatus;
  /** JSON of what the API has, and for which target UID. */
  written?: string;
  writtenTo?: string;
  /** Containers stopped and the pod was deleted through the API: remove it. */
  finalDelete?: boolean;
}

export class StatusManager {
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private wake: (() => void) | undefined;
  private readonly ac = new AbortController();

  constructor(private readonly opts: StatusManagerOptions) {}

  getPodStatus(uid: string): PodStatus | undefined {
    return this.entries.get(uid)?.status;
  }

  setPodStatus(pod: Pod, status: PodStatus): void {
    const uid = pod.metadata?.uid ?? '';
    const e = this.entries.get(uid);
    if (e && JSON.stringify(e.status) === JSON.stringify(status)) {
      e.pod = pod;
      return;
    }
    this.entries.set(uid, { ...e, pod, status });
    this.markDirty(uid);
  }

  /** Containers of an API pod being deleted have stopped: delete it for good. */
  podTerminated(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const e = this.entries.get(uid);
    if (!e || isStaticPod(pod)) return;
    e.finalDelete = true;
    this.markDirty(uid);
  }

  removePod(uid: string): void {
    this.entries.delete(uid);
    this.dirty.delete(uid);
  }

  /** Everything must be written again (a mirror pod was recreated, the API came back). */
  markAllDirty(): void {
    for (const uid of this.entries.keys()) this.markDirty(uid);
  }

  markDirty(uid: string): void {
    this.dirty.add(uid);
    this.wake?.();
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.ac.abort();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const period = this.opts.syncPeriodMs ?? 10_000;
    let nextFull = this.opts.clock.now() + period;
    while (!this.ac.signal.aborted) {
      if (this.opts.clock.now() >= nextFull) {
        for (const e of this.entries.values()) e.written = undefined;
        for (const uid of this.entries.keys()) this.dirty.add(uid);
        nextFull = this.opts.clock.now() + period;
      }
      if (this.dirty.size === 0) {
        const sleep = wakeableSleep(this.opts.clock, Math.max(0, nextFull - this.opts.clock.now()), this.ac.signal);
        this.wake = sleep.wake;
        await sleep.done;
        this.wake = undefined;
        continue;
      }
      const batch = [...this.dirty];
      this.dirty.clear();
      for (const uid of batch) {
        if (this.ac.signal.aborted) return;
        const ok = await this.syncOne(uid);
        if (!ok) {
          this.dirty.add(uid);
          if (!this.opts.availability.isUp()) await this.opts.availability.whenUp(this.ac.signal).catch(() => undefined);
        }
      }
    }
  }

  /** Returns false when the write must be retried. */
  private async syncOne(uid: string): Promise<boolean> {
    const e = this.entries.get(uid);
    if (!e) return true;
    const pod = this.opts.pods.get(uid) ?? e.pod;
    let target: Pod = pod;
    if (isStaticPod(pod)) {
      const mirror = this.opts.pods.mirrorOf(pod);
      if (!mirror || !isMirrorPodOf(mirror, pod) || mirror.metadata?.deletionTimestamp) {
        this.opts.logger.debug('Static pod does not have a corresponding mirror pod; skipping', { pod: pod.metadata?.name });
        return true;
      }
      target = mirror;
    }
    const ns = target.metadata?.namespace ?? 'default';
    const name = target.metadata?.name ?? '';
    const targetUid = target.metadata?.uid ?? '';
    const json = JSON.stringify(e.status);
    try {
      if (e.written !== json || e.writtenTo !== targetUid) {
        await this.opts.writer.patchPodStatus(ns, name, targetUid, e.status);
        e.written = json;
        e.writtenTo = targetUid;
        this.opts.availability.reportUp();
      }
      if (e.finalDelete) {
        await this.opts.writer.deletePod(ns, name, { gracePeriodSeconds: 0, uid: targetUid });
        this.opts.logger.info('Pod fully terminated and removed from etcd', { pod: `${ns}/${name}` });
        this.entries.delete(uid);
      }
      return true;
    } catch (err) {
      if (err instanceof ApiError && (err.reason === 'NotFound' || err.reason === 'Conflict' || err.code === 422)) {
        // The pod is gone or was recreated: nothing to write to.
        if (e.finalDelete) this.entries.delete(uid);
        return true;
      }
      if (isConnectionError(err)) this.opts.availability.reportDown(err);
      else this.opts.logger.error('Failed to update status for pod', err, { pod: `${ns}/${name}` });
      return false;
    }
  }
}
