/**
 * The scheduling queue (internal/queue PriorityQueue): an active queue ordered by priority
 * then arrival, a backoff queue (1 s doubling to 10 s per pod), and unschedulable pods that
 * wait for a cluster event one of the plugins that rejected them registered for (or 5 minutes).
 * A pod rejected while an event arrived during its attempt goes to backoff rather than waiting.
 */
import { realClock, type Clock, type Pod } from '@kubelab/api';
import { eventMatches, type ClusterEvent } from '../framework/cluster-events.js';
import { PodInfo } from '../framework/pod-info.js';
import { POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS, backoffDuration } from './backoff.js';
import { KeyedHeap } from './heap.js';
import { Nominator } from './pod-nominator.js';
import { podKey, type QueuedPodInfo } from './queued-pod-info.js';

export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

export interface SchedulingQueueOptions {
  /** Per plugin, the events that may make a pod it rejected schedulable. */
  eventsByPlugin: Map<string, readonly ClusterEvent[]>;
  clock?: Clock;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** isPodUpdated: a change beyond status, resourceVersion and managedFields. */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod): string => {
    const meta = { ...p.metadata };
    delete meta.resourceVersion;
    delete meta.generation;
    delete meta.managedFields;
    return JSON.stringify({ ...p, metadata: meta, status: undefined });
  };
  return strip(oldPod) !== strip(newPod);
}

export class SchedulingQueue {
  readonly nominator = new Nominator();
  private readonly activeQ = new KeyedHeap<QueuedPodInfo>(
    (a, b) =>
      a.podInfo.priority !== b.podInfo.priority
        ? a.podInfo.priority > b.podInfo.priority
        : a.timestamp !== b.timestamp
          ? a.timestamp < b.timestamp
          : a.seq < b.seq,
  );
  private seq = 0;
  private readonly backoffQ = new KeyedHeap<QueuedPodInfo>((a, b) => this.backoffExpiry(a) < this.backoffExpiry(b));
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  /** Pods popped and not yet done: 'changed' once they were updated meanwhile, 'deleted' once gone. */
  private readonly inFlight = new Map<string, 'same' | 'changed' | 'deleted'>();
  private waiters: ((q: QueuedPodInfo | undefined) => void)[] = [];
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private closed = false;
  private readonly clock: Clock;
  private readonly stop = new AbortController();
  private backoffTimer: { at: number; cancel: AbortController } | undefined;

  constructor(private readonly o: SchedulingQueueOptions) {
    this.clock = o.clock ?? realClock;
  }

  /** Starts the periodic flush of pods left unschedulable too long. */
  run(): void {
    void (async () => {
      while (!this.closed) {
        try {
          await this.clock.sleep(UNSCHEDULABLE_FLUSH_PERIOD_MS, this.stop.signal);
        } catch {
          return;
        }
        this.flushUnschedulableLeftover();
      }
    })();
  }

  close(): void {
    this.closed = true;
    this.stop.abort();
    this.backoffTimer?.cancel.abort();
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  private backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + backoffDuration(q.attempts, this.o.initialBackoffMs ?? POD_INITIAL_BACKOFF_MS, this.o.maxBackoffMs ?? POD_MAX_BACKOFF_MS);
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffExpiry(q) > this.clock.now();
  }

  private newQueued(pod: Pod): QueuedPodInfo {
    return {
      podInfo: new PodInfo(pod),
      key: podKey(pod.metadata),
      timestamp: this.clock.now(),
      attempts: 0,
      initialAttemptTimestamp: undefined,
      unschedulablePlugins: new Set(),
      cycle: 0,
      seq: 0,
    };
  }

  private toActive(q: QueuedPodInfo): void {
    q.seq = ++this.seq;
    const w = this.waiters.shift();
    if (w) {
      this.startAttempt(q);
      w(q);
      return;
    }
    this.activeQ.set(q.key, q);
  }

  private toBackoff(q: QueuedPodInfo): void {
    this.backoffQ.set(q.key, q);
    this.armBackoffTimer();
  }

  private contains(key: string): boolean {
    return this.activeQ.has(key) || this.backoffQ.has(key) || this.unschedulable.has(key);
  }

  /** A new unscheduled pod. */
  add(pod: Pod): void {
    if (this.closed) return;
    const q = this.newQueued(pod);
    if (this.contains(q.key) || this.inFlight.has(q.key)) return;
    this.unschedulable.delete(q.key);
    this.backoffQ.delete(q.key);
    this.updateNomination(undefined, q.podInfo);
    this.toActive(q);
  }

  update(oldPod: Pod, newPod: Pod): void {
    if (this.closed) return;
    const key = podKey(newPod.metadata);
    const info = new PodInfo(newPod);
    this.updateNomination(oldPod, info);
    if (this.inFlight.has(key)) {
      this.inFlight.set(key, 'changed');
      return;
    }
    for (const q of [this.activeQ.get(key), this.backoffQ.get(key)]) {
      if (q) {
        q.podInfo = info;
        return;
      }
    }
    const q = this.unschedulable.get(key);
    if (!q) {
      this.add(newPod);
      return;
    }
    q.podInfo = info;
    if (!isPodUpdated(oldPod, newPod)) return;
    this.unschedulable.delete(key);
    if (this.isBackingOff(q)) this.toBackoff(q);
    else this.toActive(q);
  }

  delete(pod: Pod): void {
    const key = podKey(pod.metadata);
    this.activeQ.delete(key);
    this.backoffQ.delete(key);
    this.unschedulable.delete(key);
    this.nominator.delete(key);
    if (this.inFlight.has(key)) this.inFlight.set(key, 'deleted');
  }

  /** The next pod to schedule, waiting for one; undefined once closed. */
  pop(): Promise<QueuedPodInfo | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const q = this.activeQ.pop();
    if (q) {
      this.startAttempt(q);
      return Promise.resolve(q);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private startAttempt(q: QueuedPodInfo): void {
    this.schedulingCycle++;
    q.cycle = this.schedulingCycle;
    q.attempts++;
    q.initialAttemptTimestamp ??= this.clock.now();
    this.inFlight.set(q.key, 'same');
  }

  /** The attempt for this pod is over (bound, or handed back through addUnschedulableIfNotPresent). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /** AddUnschedulableIfNotPresent: back to backoff (when something changed meanwhile, or no plugin rejected it) or to wait. */
  addUnschedulableIfNotPresent(q: QueuedPodInfo): void {
    const flight = this.inFlight.get(q.key);
    this.done(q.key);
    if (this.closed || flight === 'deleted' || this.contains(q.key)) return;
    const changed = flight === 'changed';
    q.timestamp = this.clock.now();
    if (changed || this.moveRequestCycle >= q.cycle || q.unschedulablePlugins.size === 0) this.toBackoff(q);
    else this.unschedulable.set(q.key, q);
  }

  /** MoveAllToActiveOrBackoffQueue: pods rejected by plugins interested in this event go back. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, preCheck?: (pod: Pod) => boolean): void {
    const moved: QueuedPodInfo[] = [];
    for (const q of this.unschedulable.values()) {
      if (preCheck && !preCheck(q.podInfo.pod)) continue;
      if (this.interested(q, event)) moved.push(q);
    }
    this.requeue(moved);
    this.moveRequestCycle = this.schedulingCycle;
  }

  private interested(q: QueuedPodInfo, event: ClusterEvent): boolean {
    for (const plugin of q.unschedulablePlugins) {
      const events = this.o.eventsByPlugin.get(plugin) ?? [];
      if (events.some((e) => eventMatches(e, event))) return true;
    }
    return false;
  }

  private requeue(moved: QueuedPodInfo[]): void {
    for (const q of moved) {
      this.unschedulable.delete(q.key);
      if (this.isBackingOff(q)) this.toBackoff(q);
      else this.toActive(q);
    }
  }

  /** flushBackoffQCompleted: pods whose backoff has passed go to the active queue. */
  flushBackoffCompleted(): void {
    const now = this.clock.now();
    for (let q = this.backoffQ.peek(); q && this.backoffExpiry(q) <= now; q = this.backoffQ.peek()) {
      this.backoffQ.pop();
      this.toActive(q);
    }
    this.armBackoffTimer();
  }

  /** flushUnschedulablePodsLeftover: pods waiting longer than 5 minutes go back. */
  flushUnschedulableLeftover(): void {
    const now = this.clock.now();
    this.requeue([...this.unschedulable.values()].filter((q) => now - q.timestamp > POD_MAX_IN_UNSCHEDULABLE_MS));
  }

  private armBackoffTimer(): void {
    const next = this.backoffQ.peek();
    if (!next || this.closed) return;
    const at = this.backoffExpiry(next);
    if (this.backoffTimer && this.backoffTimer.at <= at) return;
    this.backoffTimer?.cancel.abort();
    const cancel = new AbortController();
    this.backoffTimer = { at, cancel };
    this.clock.sleep(Math.max(0, at - this.clock.now()), cancel.signal).then(
      () => {
        if (this.backoffTimer?.cancel === cancel) this.backoffTimer = undefined;
        this.flushBackoffCompleted();
      },
      () => {},
    );
  }

  /**
   * UpdateNominatedPod: follow status.nominatedNodeName; a nomination made in memory survives
   * an update that does not carry it yet.
   */
  private updateNomination(oldPod: Pod | undefined, pi: PodInfo): void {
    const nominated = pi.pod.status?.nominatedNodeName ?? '';
    if (nominated) this.nominator.set(pi, nominated);
    else if (oldPod?.status?.nominatedNodeName) this.nominator.delete(pi.key);
  }

  /** Pods waiting in each queue (for tests and metrics). */
  pending(): { active: number; backoff: number; unschedulable: number; inFlight: number } {
    return { active: this.activeQ.size, backoff: this.backoffQ.size, unschedulable: this.unschedulable.size, inFlight: this.inFlight.size };
  }

  /** Where a pod waits, if it does. */
  whereIs(key: string): 'active' | 'backoff' | 'unschedulable' | 'inFlight' | undefined {
    if (this.activeQ.has(key)) return 'active';
    if (this.backoffQ.has(key)) return 'backoff';
    if (this.unschedulable.has(key)) return 'unschedulable';
    return this.inFlight.has(key) ? 'inFlight' : undefined;
  }
}
