/**
 * The kubelet's sync loop (kubelet.go syncLoop): pod updates from the sources, runtime changes
 * from the PLEG, retries from backoffs, and housekeeping every 2 s all end in one pod worker per
 * pod. Static pods get their mirror pods; statuses go through the status manager. Nothing here
 * stops a pod because the API server is unreachable.
 */
import type { Clock, Logger, Node, Pod } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import type { ApiAvailability } from './api/api-availability.js';
import type { PodConfig } from './config/pod-config.js';
import type { PodSource } from './config/pod-source.js';
import type { PodUpdate } from './config/pod-update.js';
import { isMirrorPod, isStaticPod, podDesc, podFullName } from './config/pod-update.js';
import type { PodSyncer, RuntimePodState } from './kuberuntime/pod-syncer.js';
import { effectiveGracePeriod } from './kuberuntime/pod-syncer.js';
import type { GenericPleg } from './pleg/generic-pleg.js';
import type { MirrorClient } from './pod/mirror-client.js';
import type { PodManager } from './pod/pod-manager.js';
import { isMirrorPodOf } from './pod/pod-manager.js';
import type { PodWork, WorkResult } from './pod/pod-workers.js';
import { PodWorkers } from './pod/pod-workers.js';
import type { ProbeManager } from './prober/prober.js';
import type { SyncError } from './status/container-statuses.js';
import { generatePodStatus } from './status/generate.js';
import type { StatusManager } from './status/status-manager.js';
import type { VolumeManager } from './volumes/volume-manager.js';

/** How long after deleting a mirror pod the kubelet waits before creating its replacement. */
export const MIRROR_RECREATE_DELAY_MS = 250;

export interface KubeletOptions {
  nodeName: string;
  nodeIp: string;
  clock: Clock;
  logger: Logger;
  podConfig: PodConfig;
  sources: PodSource[];
  podManager: PodManager;
  pleg: GenericPleg;
  syncer: PodSyncer;
  statusManager: StatusManager;
  prober: ProbeManager;
  volumes: VolumeManager;
  mirrorClient: MirrorClient | undefined;
  availability: ApiAvailability | undefined;
  /** The registered Node, once known (mirror pods need its UID). */
  currentNode: () => Node | undefined;
  syncFrequencyMs: number;
  housekeepingMs?: number;
}

export class Kubelet {
  private readonly workers: PodWorkers;
  private readonly syncErrors = new Map<string, Map<string, SyncError>>();
  /** Liveness/startup failures per container instance, waiting for the next sync to restart. */
  private readonly unhealthy = new Map<string, Map<string, string>>();
  private readonly seenSources = new Set<string>();
  private readonly ac = new AbortController();
  private nodeKnown = false;
  /** Static pods whose mirror pod was just deleted: not recreated before this time. */
  private readonly mirrorRecreateAfter = new Map<string, number>();

  constructor(private readonly o: KubeletOptions) {
    this.workers = new PodWorkers((w) => this.runWork(w), o.clock, o.logger.named('pod_workers.go'));
    o.prober.onUnhealthy((target, _type, message) => {
      const uid = target.pod.metadata?.uid ?? '';
      let m = this.unhealthy.get(uid);
      if (!m) this.unhealthy.set(uid, (m = new Map()));
      m.set(target.containerId, message);
      this.dispatch(uid);
    });
    o.prober.onResultChange((uid) => this.dispatch(uid));
  }

  /** Starts the loops once the runtime has been listed: a pod is never synced before the
   * kubelet knows what already runs for it (a restarted kubelet adopts, it does not duplicate). */
  async start(): Promise<void> {
    const { o } = this;
    await o.pleg.relist();
    o.pleg.start();
    o.statusManager.start();
    o.availability?.onChange((up) => {
      if (!up) return;
      // The API server is back: every status and every mirror pod is reconciled now, not at
      // the next resync.
      o.statusManager.markAllDirty();
      for (const p of o.podManager.pods()) if (isStaticPod(p)) this.dispatch(p.metadata?.uid ?? '');
    });
    for (const src of o.sources) {
      o.podConfig.addSource(src.name);
      void src
        .run((u) => this.onSourceUpdate(u), this.ac.signal)
        .catch((err: unknown) => o.logger.error('Pod source failed', err, { source: src.name }));
    }
    void this.periodic(o.syncFrequencyMs, () => this.resyncAll());
    void this.periodic(o.housekeepingMs ?? 2000, () => this.housekeeping());
  }

  stop(): void {
    this.ac.abort();
    this.o.pleg.stop();
    this.o.statusManager.stop();
    this.o.prober.stop();
  }

  /** The pods this kubelet runs (for the kubelet server's /pods). */
  runningPods(): Pod[] {
    return this.o.podManager.pods().map((p) => ({ ...p, status: this.o.statusManager.getPodStatus(p.metadata?.uid ?? '') ?? p.status }));
  }

  /** The node is registered or updated: mirror pods can now be created (fastStaticPodsRegistration). */
  onNode(node: Node): void {
    if (this.nodeKnown || !node.metadata?.uid) return;
    this.nodeKnown = true;
    for (const p of this.o.podManager.pods()) if (isStaticPod(p)) this.dispatch(p.metadata?.uid ?? '');
  }

  /** Runtime changes from the PLEG. */
  onRuntimeChange(uids: string[]): void {
    for (const uid of uids) this.dispatch(uid);
  }

  private async periodic(ms: number, fn: () => void | Promise<void>): Promise<void> {
    while (!this.ac.signal.aborted) {
      await this.o.clock.sleep(ms, this.ac.signal).catch(() => undefined);
      if (this.ac.signal.aborted) return;
      try {
        await fn();
      } catch (err) {
        this.o.logger.error('Periodic kubelet task failed', err);
      }
    }
  }

  private onSourceUpdate(u: PodUpdate): void {
    this.seenSources.add(u.source);
    for (const update of this.o.podConfig.merge(u)) this.handleUpdate(update);
  }

  private handleUpdate(u: PodUpdate): void {
    const { podManager, logger } = this.o;
    if (u.pods.length) logger.info(`SyncLoop ${u.op}`, { source: u.source, pods: u.pods.map((p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`) });
    for (const pod of u.pods) {
      const uid = pod.metadata?.uid ?? '';
      if (isMirrorPod(pod)) {
        if (u.op === 'REMOVE') podManager.remove(pod);
        else podManager.update(pod);
        // A mirror pod changed: let its static pod reconcile it, and write the static pod's
        // status to the (possibly new) mirror pod.
        const owner = podManager.getByFullName(podFullName(pod));
        if (owner) {
          this.o.statusManager.markDirty(owner.metadata?.uid ?? '');
          this.dispatch(owner.metadata?.uid ?? '');
        }
        continue;
      }
      switch (u.op) {
        case 'ADD':
        case 'UPDATE':
          podManager.update(pod);
          this.dispatch(uid);
          break;
        case 'RECONCILE':
          // Only the status changed (usually our own write): nothing to sync (HandlePodReconcile).
          podManager.update(pod);
          break;
        case 'DELETE':
          // Graceful deletion through the API: stop it, then the status manager removes it.
          podManager.update(pod);
          this.workers.update({ pod, type: 'terminate', gracePeriod: effectiveGracePeriod(pod) });
          break;
        case 'REMOVE':
          podManager.remove(pod);
          this.workers.update({ pod, type: 'terminate', gracePeriod: effectiveGracePeriod(pod, pod.spec?.terminationGracePeriodSeconds) });
          break;
        default:
          break;
      }
    }
  }

  private dispatch(uid: string): void {
    const pod = this.o.podManager.get(uid);
    if (!pod) return;
    if (pod.metadata?.deletionTimestamp && !isStaticPod(pod)) {
      this.workers.update({ pod, type: 'terminate', gracePeriod: effectiveGracePeriod(pod) });
      return;
    }
    this.workers.update({ pod, type: 'sync' });
  }

  private resyncAll(): void {
    for (const p of this.o.podManager.pods()) this.dispatch(p.metadata?.uid ?? '');
  }

  private errorsOf(uid: string): Map<string, SyncError> {
    let m = this.syncErrors.get(uid);
    if (!m) this.syncErrors.set(uid, (m = new Map()));
    return m;
  }

  private async runWork(w: PodWork): Promise<WorkResult> {
    return w.type === 'terminate' ? this.terminatePod(w.pod, w.gracePeriod) : this.syncPod(w.pod);
  }

  private lastRestartCounts(uid: string): Map<string, number> {
    const st = this.o.statusManager.getPodStatus(uid);
    const m = new Map<string, number>();
    for (const s of [...(st?.containerStatuses ?? []), ...(st?.initContainerStatuses ?? [])]) m.set(s.name, s.restartCount);
    return m;
  }

  private async syncPod(pod: Pod): Promise<WorkResult> {
    const { o } = this;
    const uid = pod.metadata?.uid ?? '';
    let mirrorRetryAt: number | undefined;
    if (isStaticPod(pod)) mirrorRetryAt = await this.reconcileMirrorPod(pod);
    const errors = this.errorsOf(uid);
    const state = o.pleg.podState(uid);
    const unhealthy = this.unhealthy.get(uid) ?? new Map<string, string>();
    const previousStatus = o.statusManager.getPodStatus(uid);
    const terminal = previousStatus?.phase === 'Succeeded' || previousStatus?.phase === 'Failed';
    let result: WorkResult = {};
    if (!terminal) {
      const r = await o.syncer.syncPod(pod, state, errors, unhealthy, this.lastRestartCounts(uid));
      unhealthy.clear();
      result = r.retryAt !== undefined ? { retryAt: r.retryAt } : {};
      await o.pleg.relist();
    }
    this.updateStatus(pod);
    if (mirrorRetryAt !== undefined) result.retryAt = Math.min(result.retryAt ?? Infinity, mirrorRetryAt);
    return result;
  }

  private updateStatus(pod: Pod, override?: Partial<NonNullable<Pod['status']>>): void {
    const { o } = this;
    const uid = pod.metadata?.uid ?? '';
    const state: RuntimePodState = o.pleg.podState(uid);
    const status = generatePodStatus({
      pod,
      sandboxes: state.sandboxes,
      containers: state.containers,
      previous: o.statusManager.getPodStatus(uid) ?? (isStaticPod(pod) ? undefined : pod.status),
      syncErrors: this.errorsOf(uid),
      isReady: (id) => o.prober.isReady(id),
      isStarted: (id) => o.prober.isStarted(id),
      hostIp: o.nodeIp,
      now: o.clock.now(),
    });
    o.statusManager.setPodStatus(pod, { ...status, ...override });
  }

  /**
   * tryReconcileMirrorPods: a mirror pod for every static pod, replaced when outdated or being
   * deleted. After deleting one, the new one is created on a later sync ("The mirror pod will get
   * recreated later"): recreating it under the same name at once would race the deleting
   * client's wait (kubectl lists by name and would find the replacement, not a deletion).
   * Returns when to sync again, if anything is left to do.
   */
  private async reconcileMirrorPod(pod: Pod): Promise<number | undefined> {
    const { o } = this;
    const node = o.currentNode();
    if (!o.mirrorClient || !node?.metadata?.uid || node.metadata.deletionTimestamp) return undefined;
    const mirror = o.podManager.mirrorOf(pod);
    const ns = pod.metadata?.namespace ?? 'default';
    const name = pod.metadata?.name ?? '';
    const uid = pod.metadata?.uid ?? '';
    try {
      if (mirror && (mirror.metadata?.deletionTimestamp || !isMirrorPodOf(mirror, pod))) {
        o.logger.info('Trying to delete pod', { pod: `${ns}/${name}`, podUID: mirror.metadata?.uid });
        await o.mirrorClient.deleteMirrorPod(ns, name, mirror.metadata?.uid);
        o.podManager.remove(mirror);
        o.logger.info("Deleted mirror pod as it didn't match the static Pod", { pod: `${ns}/${name}` });
        this.mirrorRecreateAfter.set(uid, o.clock.now() + MIRROR_RECREATE_DELAY_MS);
        return o.clock.now() + MIRROR_RECREATE_DELAY_MS;
      }
      if (mirror) return undefined;
      const after = this.mirrorRecreateAfter.get(uid);
      if (after !== undefined && o.clock.now() < after) return after;
      this.mirrorRecreateAfter.delete(uid);
      o.logger.info('Creating a mirror pod for static pod', { pod: `${ns}/${name}` });
      await o.mirrorClient.createMirrorPod(pod, { name: node.metadata.name ?? '', uid: node.metadata.uid });
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') return undefined;
      o.logger.error('Failed creating a mirror pod', err, { pod: `${ns}/${name}` });
      return o.clock.now() + 1000;
    }
    return undefined;
  }

  private async terminatePod(pod: Pod, grace: number | undefined): Promise<WorkResult> {
    const { o } = this;
    const uid = pod.metadata?.uid ?? '';
    await o.pleg.relist();
    const state = o.pleg.podState(uid);
    const g = grace ?? effectiveGracePeriod(pod);
    o.logger.info('Killing pod', { pod: podDesc(pod), gracePeriod: g });
    await o.syncer.killPod(pod, state, g);
    await o.pleg.relist();
    const stillThere = o.podManager.get(uid);
    if (stillThere && !isStaticPod(stillThere)) {
      // An API pod being deleted: report it terminated, then remove it for good.
      const phase = stillThere.spec?.restartPolicy === 'Always' ? 'Failed' : undefined;
      this.updateStatus(stillThere, phase ? { phase } : {});
      o.statusManager.podTerminated(stillThere);
    } else {
      o.statusManager.removePod(uid);
    }
    await o.syncer.removePod(o.pleg.podState(uid));
    await o.volumes.tearDownPodVolumes(uid).catch(() => undefined);
    this.syncErrors.delete(uid);
    this.unhealthy.delete(uid);
    await o.pleg.relist();
    return {};
  }

  /** HandlePodCleanups: orphaned mirror pods and runtime pods no source wants any more. */
  private async housekeeping(): Promise<void> {
    const { o } = this;
    if (!o.podConfig.seenAllSources(this.seenSources)) {
      o.logger.debug('SyncLoop (housekeeping, skipped): sources aren\'t ready yet');
      return;
    }
    const desired = new Set(o.podManager.pods().map((p) => p.metadata?.uid ?? ''));
    for (const [uid, state] of o.pleg.allPods()) {
      if (desired.has(uid) || this.workers.isTerminating(uid)) continue;
      const running = state.containers.some((c) => c.state === 'running') || state.sandboxes.some((s) => s.state === 'ready');
      const first = state.containers[0] ?? state.sandboxes[0];
      const ref = first?.pod;
      o.logger.info('Clean up orphaned pod', { podUID: uid, pod: ref ? `${ref.namespace}/${ref.name}` : '' });
      const orphan: Pod = { metadata: { uid, name: ref?.name, namespace: ref?.namespace }, spec: { containers: [] } };
      if (running) await o.syncer.killPod(orphan, state, 2);
      await o.syncer.removePod(state);
    }
    for (const uid of this.workers.known()) {
      if (!desired.has(uid) && this.workers.isTerminated(uid)) this.workers.forget(uid);
    }
    if (o.mirrorClient && o.availability?.isUp() !== false) {
      for (const m of o.podManager.orphanedMirrorPods()) {
        const fullName = podFullName(m);
        // Not while the static pod it mirrored is still stopping (IsPodForMirrorPodTerminatingByFullName).
        if (this.staticPodTerminating(fullName)) continue;
        try {
          await o.mirrorClient.deleteMirrorPod(m.metadata?.namespace ?? '', m.metadata?.name ?? '', undefined);
          o.podManager.remove(m);
          o.logger.info('Deleted orphaned mirror pod', { pod: fullName });
        } catch (err) {
          o.logger.error('Failed deleting orphaned mirror pod', err, { pod: fullName });
        }
      }
    }
    for (const p of o.podManager.pods()) await o.syncer.gcDeadContainers(o.pleg.podState(p.metadata?.uid ?? ''));
  }

  private staticPodTerminating(fullName: string): boolean {
    for (const [, state] of this.o.pleg.allPods()) {
      const ref = state.containers[0]?.pod ?? state.sandboxes[0]?.pod;
      if (ref && `${ref.name}_${ref.namespace}` === fullName && state.containers.some((c) => c.state === 'running')) return true;
    }
    return false;
  }
}
