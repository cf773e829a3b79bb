/**
 * A scheduler wired to in-memory fakes, for unit tests: pods and nodes are fed through the
 * event handlers as an informer would, and bindings come back as pod updates (unless held).
 */
import type { Node, Pod } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import { SchedulerEventHandlers } from '../event-handlers.js';
import { Scheduler } from '../scheduler.js';
import { FakeSchedulerClient } from './fake-scheduler-client.js';
import { RecordingEventRecorder } from './recording-event-recorder.js';

export class SchedulerHarness {
  readonly clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
  readonly client = new FakeSchedulerClient();
  readonly recorder = new RecordingEventRecorder();
  readonly pods = new Map<string, Pod>();
  readonly scheduler: Scheduler;
  readonly handlers: SchedulerEventHandlers;
  /** When false, bindings are not reported back (the informer lags behind). */
  reportBindings = true;
  private readonly ctl = new AbortController();
  private running: Promise<void> | undefined;
  private rv = 0;

  constructor(opts: { maxConcurrentBindings?: number } = {}) {
    this.scheduler = new Scheduler({
      client: this.client,
      recorder: this.recorder,
      getPod: (ns, name) => this.pods.get(`${ns}/${name}`),
      clock: this.clock,
      random: () => 0,
      ...opts,
    });
    this.handlers = new SchedulerEventHandlers(this.scheduler);
    this.client.whenBound((pod, node) => {
      if (!this.reportBindings) return;
      const cur = this.pods.get(this.key(pod));
      if (cur) this.updatePod({ ...cur, spec: { ...cur.spec, containers: cur.spec?.containers ?? [], nodeName: node } });
    });
  }

  private key(p: Pod): string {
    return `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
  }

  private stamp(p: Pod): Pod {
    return { ...p, metadata: { ...p.metadata, resourceVersion: String(++this.rv) } };
  }

  addNode(n: Node): void {
    this.handlers.onNodeAdd(n);
  }

  updateNode(n: Node, old: Node): void {
    this.handlers.onNodeUpdate(n, old);
  }

  addPod(p: Pod): void {
    const pod = this.stamp(p);
    this.pods.set(this.key(pod), pod);
    this.handlers.onPodAdd(pod);
  }

  updatePod(p: Pod): void {
    const old = this.pods.get(this.key(p));
    const pod = this.stamp(p);
    this.pods.set(this.key(pod), pod);
    if (old) this.handlers.onPodUpdate(pod, old);
    else this.handlers.onPodAdd(pod);
  }

  deletePod(key: string): void {
    const old = this.pods.get(key);
    if (!old) return;
    this.pods.delete(key);
    this.handlers.onPodDelete(old);
  }

  start(): void {
    this.running ??= this.scheduler.run(this.ctl.signal);
  }

  async stop(): Promise<void> {
    this.ctl.abort();
    await this.running;
  }

  boundTo(key: string): string | undefined {
    return this.client.bindings.find((b) => b.pod === key)?.node;
  }
}
