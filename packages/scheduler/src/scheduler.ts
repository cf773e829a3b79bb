/**
 * The scheduler (pkg/scheduler/schedule_one.go): pop a pod, run the scheduling cycle
 * synchronously over the cache, assume the pod onto the chosen node so the next cycles count
 * it, and bind it in the background (a bounded number of bindings in flight). A pod that fits
 * nowhere gets preemption, a FailedScheduling event, the PodScheduled=False condition, and
 * waits in the queue; a bound pod gets the Scheduled event.
 */
import { noopLogger, realClock, type Clock, type EventRecorder, type Logger, type Pod } from '@kubelab/api';
import { SchedulerCache } from './cache/scheduler-cache.js';
import type { SchedulerClient } from './client/scheduler-client.js';
import { CycleState } from './framework/cycle-state.js';
import { FitError } from './framework/fit-error.js';
import type { Framework } from './framework/framework.js';
import { PodInfo } from './framework/pod-info.js';
import { DEFAULT_SCHEDULER_NAME, defaultFramework } from './framework/registry.js';
import { POD_REASON_SCHEDULER_ERROR, POD_REASON_UNSCHEDULABLE, podScheduledFalse, truncateMessage } from './pod-condition.js';
import { DefaultPreemption } from './preemption/default-preemption.js';
import type { QueuedPodInfo } from './queue/queued-pod-info.js';
import { SchedulingQueue } from './queue/scheduling-queue.js';
import { NoNodesAvailableError, PodScheduler } from './schedule/schedule-pod.js';
import { SchedulerHandle, type SchedulerListers } from './scheduler-handle.js';

export const DEFAULT_MAX_CONCURRENT_BINDINGS = 32;

export interface SchedulerOptions {
  client: SchedulerClient;
  recorder: EventRecorder;
  /** The informer's view of a pod, to tell whether a failed pod still exists unbound. */
  getPod?: (namespace: string, name: string) => Pod | undefined;
  listers?: SchedulerListers;
  /** Replaces the default profile (tests). */
  framework?: (handle: SchedulerHandle) => Framework;
  schedulerName?: string;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  maxConcurrentBindings?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly queue: SchedulingQueue;
  readonly schedulerName: string;
  private readonly framework: Framework;
  private readonly podScheduler: PodScheduler;
  private readonly preemption: DefaultPreemption;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly bindings = new Set<Promise<void>>();
  private quietWaiters: (() => void)[] = [];

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? realClock;
    this.logger = o.logger ?? noopLogger;
    this.schedulerName = o.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    const handle = new SchedulerHandle(this.cache, o.listers);
    this.framework = (o.framework ?? defaultFramework)(handle);
    this.queue = new SchedulingQueue({ eventsByPlugin: this.framework.eventsByPlugin(), clock: this.clock });
    this.podScheduler = new PodScheduler({ framework: this.framework, nominator: this.queue.nominator, ...(o.random ? { random: o.random } : {}) });
    this.preemption = new DefaultPreemption({
      framework: this.framework,
      filter: (state, pod, node) => this.podScheduler.filterWithNominatedPods(state, pod, node),
      nominator: this.queue.nominator,
      client: o.client,
      recorder: o.recorder,
      schedulerName: this.schedulerName,
      logger: this.logger,
      now: () => this.clock.now(),
    });
  }

  /** Whether this scheduler schedules the pod (its schedulerName). */
  responsibleFor(pod: Pod): boolean {
    return (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === this.schedulerName;
  }

  /** Schedules pods until the signal aborts, then waits for the bindings in flight. */
  async run(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    this.queue.run();
    const stop = (): void => this.queue.close();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        this.wakeIfQuiet();
        const q = await this.queue.pop();
        if (!q) break;
        this.scheduleOne(q);
        while (this.bindings.size >= (this.o.maxConcurrentBindings ?? DEFAULT_MAX_CONCURRENT_BINDINGS)) {
          await Promise.race(this.bindings);
        }
        await yieldToEventLoop();
      }
    } finally {
      signal.removeEventListener('abort', stop);
      await Promise.allSettled([...this.bindings]);
      for (const w of this.quietWaiters.splice(0)) w();
    }
  }

  /** Resolves once every binding started so far has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.bindings]);
  }

  /**
   * Resolves once no pod waits in the active queue and no binding is in flight: when writes
   * of lower importance (events) no longer compete with bindings.
   */
  quiet(): Promise<void> {
    if (this.isQuiet()) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  private isQuiet(): boolean {
    return this.bindings.size === 0 && this.queue.pending().active === 0;
  }

  private wakeIfQuiet(): void {
    if (this.quietWaiters.length === 0 || !this.isQuiet()) return;
    for (const w of this.quietWaiters.splice(0)) w();
  }

  /** The scheduling cycle of one pod; the binding cycle continues in the background. */
  scheduleOne(q: QueuedPodInfo): void {
    const pod = q.podInfo.pod;
    if (pod.metadata?.deletionTimestamp) {
      this.o.recorder.event(pod, 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${q.key}`);
      this.queue.done(q.key);
      return;
    }
    if (this.cache.isAssumed(q.podInfo.uid)) {
      this.queue.done(q.key);
      return;
    }
    const state = new CycleState();
    const nodes = this.cache.nodeList();
    let result;
    try {
      result = this.podScheduler.schedule(state, q.podInfo, nodes);
    } catch (err) {
      if (!(err instanceof NoNodesAvailableError)) throw err;
      this.logger.debug('Unable to schedule pod; no nodes are registered to the cluster; waiting', { pod: q.key });
      this.handleFailure(q, POD_REASON_UNSCHEDULABLE, err.message, '');
      return;
    }
    if (result instanceof FitError) {
      const pf = this.preemption.postFilter(state, q.podInfo, nodes, result.diagnosis.nodeToStatus);
      result.diagnosis.postFilterMsg = pf.message;
      q.unschedulablePlugins = result.diagnosis.unschedulablePlugins;
      const msg = result.text();
      this.logger.debug('Unable to schedule pod; no fit; waiting', { pod: q.key, err: msg });
      this.handleFailure(q, POD_REASON_UNSCHEDULABLE, msg, pf.nominatedNodeName);
      return;
    }
    const host = result.suggestedHost;
    const assumed = new PodInfo({ ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: host } });
    this.cache.assumePod(assumed, host);
    const binding = this.bind(q, host, result.evaluatedNodes, result.feasibleNodes);
    this.bindings.add(binding);
    void binding.finally(() => {
      this.bindings.delete(binding);
      this.wakeIfQuiet();
    });
  }

  private async bind(q: QueuedPodInfo, host: string, evaluated: number, feasible: number): Promise<void> {
    const pod = q.podInfo.pod;
    try {
      await this.o.client.bind(pod, host);
    } catch (err) {
      this.logger.error('Failed running Bind plugin', err, { plugin: 'DefaultBinder', pod: q.key });
      this.cache.forgetPod(q.podInfo.uid);
      this.queue.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', actions: ['Delete'] }, (p) => p.metadata?.uid !== q.podInfo.uid);
      q.unschedulablePlugins = new Set();
      const why = err instanceof Error ? err.message : String(err);
      this.handleFailure(q, POD_REASON_SCHEDULER_ERROR, `running Bind plugin "DefaultBinder": ${why}`, '');
      return;
    }
    this.cache.finishBinding(q.podInfo.uid);
    this.logger.debug('Successfully bound pod to node', { pod: q.key, node: host, evaluatedNodes: evaluated, feasibleNodes: feasible });
    this.o.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${q.key} to ${host}`);
    this.queue.done(q.key);
  }

  /** handleSchedulingFailure: requeue, record the nomination, emit the event, set the condition. */
  private handleFailure(q: QueuedPodInfo, reason: string, message: string, nominatedNodeName: string | undefined): void {
    const pod = q.podInfo.pod;
    const ns = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const cached = this.o.getPod ? this.o.getPod(ns, name) : pod;
    if (!cached) {
      this.logger.info("Pod doesn't exist in informer cache", { pod: q.key });
      this.queue.done(q.key);
    } else if (cached.spec?.nodeName) {
      this.logger.info('Pod has been assigned to node. Abort adding it back to queue.', { pod: q.key, node: cached.spec.nodeName });
      this.queue.done(q.key);
    } else {
      q.podInfo = cached === pod ? q.podInfo : new PodInfo(cached);
      this.queue.addUnschedulableIfNotPresent(q);
    }
    if (nominatedNodeName !== undefined) this.queue.nominator.set(q.podInfo, nominatedNodeName);
    this.o.recorder.event(pod, 'Warning', 'FailedScheduling', truncateMessage(message));
    const current = cached ?? pod;
    const cond = podScheduledFalse(current.status, reason, message, this.clock.now());
    const nnnChanged = nominatedNodeName !== undefined && (current.status?.nominatedNodeName ?? '') !== nominatedNodeName;
    if (!cond && !nnnChanged) return;
    this.o.client
      .patchPodStatus(current, {
        ...(cond ? { conditions: [cond] } : {}),
        ...(nnnChanged ? { nominatedNodeName: nominatedNodeName || null } : {}),
      })
      .catch((err: unknown) => this.logger.error('Error updating pod', err, { pod: q.key }));
  }
}
